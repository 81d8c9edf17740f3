using PerfNotebooks.Profiling;
using PerfNotebooks.Profiling.Backends;
using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Tests.Servers;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>N+1 findings on Go and Node servers, from their own /metrics query counters read beside pprof or the inspector.</summary>
public abstract class PolyglotNPlusOneFindingTests(PolyglotSampleServer users)
{
    private const string TwentyIds = "/users?ids=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20";

    [Fact]
    [Trait("Category", "Live")]
    public async Task The_buggy_server_profiled_by_pid_has_an_n_plus_one_finding_with_40_queries_per_request_and_the_fixed_one_none()
    {
        await users.Server.Reset();
        var buggy = await ProfileUnderLoad();
        await users.Server.Fix();
        var fixedOne = await ProfileUnderLoad();
        await users.Server.Reset();

        var finding = Assert.Single(buggy.Findings, f => f.Rule == "chatty-database");
        Assert.Contains("40 database commands per HTTP request", finding.Title, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.Contains(ServerQueryCounters.Provider, StringComparison.Ordinal));
        Assert.DoesNotContain(fixedOne.Findings, f => f.Rule == "chatty-database");
    }

    private async Task<Profile> ProfileUnderLoad()
    {
        using var load = new CancellationTokenSource();
        var busy = GoServerTests.KeepBusy(users, TwentyIds, load.Token);
        try
        {
            // Long enough for well over 20 requests even with 40 round trips each on a loaded machine.
            return await Profiler.Attach(users.Server.Pid).Sample(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await load.CancelAsync();
            await busy;
        }
    }
}

public sealed class GoNPlusOneFindingTests(GoNPlusOneServer users) : PolyglotNPlusOneFindingTests(users), IClassFixture<GoNPlusOneServer>;

public sealed class NodeNPlusOneFindingTests(NodeNPlusOneServer users) : PolyglotNPlusOneFindingTests(users), IClassFixture<NodeNPlusOneServer>;

public class ServerQueryCountersTests
{
    [Fact]
    public void Parse_adds_the_apps_routes_and_leaves_out_scrapes_health_debug_and_admin()
    {
        const string text = """
            # HELP perfnb_db_queries_per_request Database round trips made while serving one request.
            perfnb_db_queries_per_request_bucket{route="/users",le="1"} 0
            perfnb_db_queries_per_request_sum{route="/users"} 400
            perfnb_db_queries_per_request_count{route="/users"} 10
            perfnb_db_queries_per_request_sum{route="/search"} 5
            perfnb_db_queries_per_request_count{route="/search"} 5
            perfnb_db_queries_per_request_sum{route="/metrics"} 0
            perfnb_db_queries_per_request_count{route="/metrics"} 99
            perfnb_db_queries_per_request_sum{route="/debug/stats"} 0
            perfnb_db_queries_per_request_count{route="/debug/stats"} 7
            perfnb_db_queries_per_request_count{route="/admin/fix"} 3
            """;

        Assert.Equal((15d, 405d), ServerQueryCounters.Parse(text));
        Assert.Null(ServerQueryCounters.Parse("go_goroutines 8\n"));
    }
}
