using System.Globalization;
using System.Text;

namespace PerfNotebooks.Servers;

/// <summary>A sample server's own figures, read in-process by its /debug/stats endpoint.</summary>
/// <param name="Runtime">"dotnet", "go" or "node": which of the figures the server's runtime has.</param>
/// <param name="Goroutines">A Go server's goroutines.</param>
/// <param name="EventLoopDelayP99Ms">A Node server's event-loop delay, 99th percentile since start.</param>
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
    long CacheEntries,
    string? Runtime = null,
    int? Goroutines = null,
    double? EventLoopDelayP99Ms = null)
{
    /// <summary>One line of the figures that tell a problem apart: heap, threads or event loop, locks, database, cache.</summary>
    public string Summary => Runtime switch
    {
        SampleRuntimes.Node => Invariant($"heap {Mb(ManagedHeapBytes)} MB, event-loop delay p99 {EventLoopDelayP99Ms ?? 0:0.#} ms, {DbOpenConnections}/{DbPoolSize} db connections open, {DbQueries} db queries, {CacheEntries} cache entries"),
        SampleRuntimes.Go => Invariant($"heap {Mb(ManagedHeapBytes)} MB, {Goroutines ?? 0} goroutines, {DbOpenConnections}/{DbPoolSize} db connections open, {DbQueries} db queries, {CacheEntries} cache entries"),
        _ => Invariant($"heap {Mb(ManagedHeapBytes)} MB, {ThreadPoolThreads} pool threads (queue {ThreadPoolQueueLength}), {LockContentions} lock contentions, {DbOpenConnections}/{DbPoolSize} db connections open, {DbQueries} db queries, {CacheEntries} cache entries"),
    };

    /// <summary>The figures as a terminal shows them, one topic a line, only those the server's runtime has.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"process    pid {Pid}, up {UptimeSeconds:0.#} s, CPU {CpuTimeMs:0} ms, working set {Mb(WorkingSetBytes)} MB"));
        text.AppendLine(Invariant($"heap       {Mb(ManagedHeapBytes)} MB live of {Mb(GcHeapSizeBytes)} MB; collections {Gen0Collections}/{Gen1Collections}/{Gen2Collections} (young/middle/full)")
            + (TotalAllocatedBytes > 0 ? Invariant($", {Mb(TotalAllocatedBytes)} MB allocated since start") : ""));
        text.AppendLine(Runtime switch
        {
            SampleRuntimes.Node => Invariant($"event loop {ThreadCount} threads, delay p99 {EventLoopDelayP99Ms ?? 0:0.#} ms"),
            SampleRuntimes.Go => Invariant($"threads    {ThreadCount} threads, {Goroutines ?? 0} goroutines"),
            _ => Invariant($"threads    {ThreadCount} threads, pool {ThreadPoolThreads} (queue {ThreadPoolQueueLength}), {LockContentions} lock contentions"),
        });
        text.AppendLine(Invariant($"database   {Db}: {DbOpenConnections}/{DbPoolSize} connections open, {DbQueries} queries, +{DbLatencyMs:0.###} ms a round trip"));
        text.Append(Invariant($"cache      {CacheEntries} entries"));
        return text.ToString();
    }

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
