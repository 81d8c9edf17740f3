namespace PerfNotebooks.Servers;

/// <summary>A sample server's own figures, read in-process by its /debug/stats endpoint.</summary>
public sealed record ServerStats(
    int Pid,
    string Scenario,
    string Mode,
    string Db,
    double UptimeSeconds,
    double CpuTimeMs,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    long GcHeapSizeBytes,
    long TotalAllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    int ThreadCount,
    int ThreadPoolThreads,
    long ThreadPoolQueueLength,
    long LockContentions,
    int DbOpenConnections,
    int DbPoolSize,
    long DbQueries,
    double DbLatencyMs,
    long CacheEntries);
