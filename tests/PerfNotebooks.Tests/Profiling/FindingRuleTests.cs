using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>Every rule against its buggy target mode (must fire) and the fixed twin (must stay quiet).</summary>
[Collection(ProfilingSessions.Name)]
[Trait("Category", "Live")]
public class FindingRuleTests
{
    [Theory]
    [InlineData("cpu", "cpu-hotspot")]
    [InlineData("sync-over-async", "threadpool-starvation")]
    [InlineData("lock", "lock-contention")]
    [InlineData("alloc", "gc-pressure")]
    [InlineData("leak", "heap-growth")]
    [InlineData("n+1", "chatty-database")]
    public async Task Rule_fires_on_the_buggy_target(string mode, string rule)
    {
        var profile = await ProfiledTargets.Of(mode);

        // On failure, show the whole report: which evidence fell short is the thing to tune.
        Assert.True(profile.Findings.Any(f => f.Rule == rule), $"{rule} did not fire on '{mode}':\n{profile.ToTable(5)}\ncontention/s {profile.Counter("monitor-lock-contention-count")?.Mean}");
    }

    [Theory]
    [InlineData("idle", "cpu-hotspot")]
    [InlineData("async", "threadpool-starvation")]
    [InlineData("nolock", "lock-contention")]
    [InlineData("noalloc", "gc-pressure")]
    [InlineData("bounded", "heap-growth")]
    [InlineData("one-query", "chatty-database")]
    [InlineData("n+1", "heap-growth")]
    public async Task Rule_stays_quiet_on_the_fixed_target(string mode, string rule)
    {
        var profile = await ProfiledTargets.Of(mode);

        Assert.DoesNotContain(profile.Findings, f => f.Rule == rule);
    }

    [Fact]
    public async Task Idle_process_has_no_clear_problem()
    {
        var profile = await ProfiledTargets.Of("idle");

        var finding = Assert.Single(profile.Findings);
        Assert.Equal("No clear problem found", finding.Title);
    }

    [Fact]
    public async Task Starvation_finding_names_the_blocking_method()
    {
        var profile = await ProfiledTargets.Of("sync-over-async");

        var finding = profile.Findings.Single(f => f.Rule == "threadpool-starvation");
        Assert.Contains("SyncOverAsync.HandleBlocking", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lock_finding_names_the_method_holding_the_lock()
    {
        var profile = await ProfiledTargets.Of("lock");

        var finding = profile.Findings.Single(f => f.Rule == "lock-contention");
        Assert.Contains("LockConvoy.Step", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heap_growth_finding_names_the_leaking_type_when_heap_is_diffed()
    {
        var profile = await ProfiledTargets.Of("leak");

        var finding = profile.Findings.Single(f => f.Rule == "heap-growth");
        Assert.Contains("PerfNotebooks.ProfilingTarget.CachedReport", finding.Title, StringComparison.Ordinal);
    }
}
