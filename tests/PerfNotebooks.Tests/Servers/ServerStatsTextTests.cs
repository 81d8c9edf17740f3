using System.Text.Json;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Servers;

/// <summary>A server's /debug/stats as a terminal and an interview's evidence show it: only the figures its runtime has.</summary>
public class ServerStatsTextTests
{
    private const string Node = """
        {"pid":41,"runtime":"node","scenario":"memory-leak","mode":"buggy","db":"sqlite","uptimeSeconds":12.5,"cpuTimeMs":900,
         "workingSetBytes":108834816,"managedHeapBytes":16921256,"gcHeapSizeBytes":29802496,"gen0Collections":5,"gen1Collections":0,
         "gen2Collections":1,"threadCount":7,"dbOpenConnections":1,"dbPoolSize":16,"dbQueries":40,"dbLatencyMs":2,"cacheEntries":1200,
         "eventLoopDelayP99Ms":31.4}
        """;

    private const string Dotnet = """
        {"pid":42,"scenario":"lock-contention","mode":"buggy","db":"sqlite","uptimeSeconds":3,"cpuTimeMs":500,"workingSetBytes":90000000,
         "managedHeapBytes":8000000,"gcHeapSizeBytes":12000000,"totalAllocatedBytes":50000000,"gen0Collections":3,"gen1Collections":1,
         "gen2Collections":0,"threadCount":30,"threadPoolThreads":12,"threadPoolQueueLength":4,"lockContentions":977,"dbOpenConnections":0,
         "dbPoolSize":16,"dbQueries":0,"dbLatencyMs":0,"cacheEntries":0}
        """;

    private static ServerStats Read(string json) => JsonSerializer.Deserialize<ServerStats>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [Fact]
    public void A_node_servers_figures_show_its_event_loop_and_no_thread_pool()
    {
        var stats = Read(Node);

        Assert.Equal("node", stats.Runtime);
        Assert.Contains("delay p99 31.4 ms", stats.ToString(), StringComparison.Ordinal);
        Assert.Contains("1200 entries", stats.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pool", stats.ToString(), StringComparison.Ordinal);
        Assert.Contains("event-loop delay p99 31.4 ms", stats.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("lock contentions", stats.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dotnet_servers_figures_show_its_pool_and_lock_contentions()
    {
        var stats = Read(Dotnet);

        Assert.Null(stats.Runtime);
        Assert.Contains("pool 12 (queue 4), 977 lock contentions", stats.ToString(), StringComparison.Ordinal);
        Assert.Contains("50 MB allocated since start", stats.ToString(), StringComparison.Ordinal);
        Assert.Contains("977 lock contentions", stats.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("ServerStats {", stats.ToString(), StringComparison.Ordinal);
    }
}
