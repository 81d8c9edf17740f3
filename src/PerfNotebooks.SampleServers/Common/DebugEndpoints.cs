using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.Common;

/// <summary>
/// /debug/stats reads the process's own figures in-process (no shelling out to `docker stats` as the seed did);
/// /debug/profile records an EventPipe CPU-sampling trace of this very process for 1-30 s. Loopback callers only:
/// a trace shows the process's code and data.
/// </summary>
internal static class DebugEndpoints
{
    private static int _profiling;

    public static void Map(WebApplication app)
    {
        var debug = app.MapGroup("/debug").Guard("debug");
        debug.MapGet("/stats", (BugSwitch bug, SampleDatabase db) => Results.Ok(Stats(bug, db)));
        debug.MapPost("/profile", Profile);
    }

    private static object Stats(BugSwitch bug, SampleDatabase db)
    {
        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        return new
        {
            pid = Environment.ProcessId,
            scenario = bug.Scenario,
            mode = bug.Mode,
            db = db.Provider,
            uptimeSeconds = (DateTime.Now - process.StartTime).TotalSeconds,
            cpuTimeMs = process.TotalProcessorTime.TotalMilliseconds,
            workingSetBytes = process.WorkingSet64,
            managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
            gcHeapSizeBytes = gc.HeapSizeBytes,
            totalAllocatedBytes = GC.GetTotalAllocatedBytes(),
            gen0Collections = GC.CollectionCount(0),
            gen1Collections = GC.CollectionCount(1),
            gen2Collections = GC.CollectionCount(2),
            threadCount = process.Threads.Count,
            threadPoolThreads = ThreadPool.ThreadCount,
            threadPoolQueueLength = ThreadPool.PendingWorkItemCount,
            lockContentions = Monitor.LockContentionCount,
            dbOpenConnections = db.OpenConnections,
            dbPoolSize = db.PoolSize,
            dbQueries = (long)ServerMetrics.DbQueries.Value,
            dbLatencyMs = db.Latency.TotalMilliseconds,
            cacheEntries = (long)ServerMetrics.CacheEntries.Value,
        };
    }

    private static async Task<IResult> Profile(HttpRequest request, CancellationToken ct)
    {
        if (!QueryParam.TryInt(request, "seconds", 1, 30, 5, out var seconds, out var error))
        {
            return error!;
        }

        if (Interlocked.Exchange(ref _profiling, 1) == 1)
        {
            return Results.Json(new ApiError("a profile is already being recorded; wait for it to finish"), statusCode: StatusCodes.Status409Conflict);
        }

        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "perfnb-profiles")).FullName;
            var path = Path.Combine(folder, $"profile_{Environment.ProcessId}_{DateTime.UtcNow:yyyyMMddTHHmmssfff}.nettrace");
            var providers = new[]
            {
                new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
                new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords: 0x1 /* GC */),
            };
            var client = new DiagnosticsClient(Environment.ProcessId);
            using var session = await client.StartEventPipeSessionAsync(providers, requestRundown: true, circularBufferMB: 64, ct);

            // Written to a temp name and renamed, so a reader never sees half a trace.
            var partial = path + ".partial";
            var copy = Task.Run(async () =>
            {
                await using var file = File.Create(partial);
                await session.EventStream.CopyToAsync(file, CancellationToken.None);
            }, CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
            await session.StopAsync(CancellationToken.None);
            await copy;
            File.Move(partial, path, overwrite: true);
            return Results.Ok(new { path, bytes = new FileInfo(path).Length, seconds });
        }
        finally
        {
            Volatile.Write(ref _profiling, 0);
        }
    }
}
