namespace PerfNotebooks.SampleServers.Database;

/// <summary>No database connection became free within the pool timeout: the symptom of a connection leak.</summary>
internal sealed class PoolExhaustedException(int poolSize, TimeSpan waited)
    : Exception($"database connection pool exhausted: all {poolSize} connections are in use and none came back within {waited.TotalSeconds:0.#}s");
