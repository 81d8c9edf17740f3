using PerfNotebooks.Profiling;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Profiling;

[Collection(ProfilingSessions.Name)]
[Trait("Category", "Live")]
public class HeapSnapshotTests
{
    [Fact]
    public async Task Diff_of_a_leaking_process_puts_the_leaked_type_on_top_with_its_holder()
    {
        using var target = await ProfilingTarget.Start("leak");
        var profiler = Profiler.Attach(target);
        var before = await profiler.SnapshotHeap();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = await profiler.SnapshotHeap();

        var diff = after.Diff(before);

        var top = diff.Grew.Take(3).Select(g => g.Type).ToList();
        Assert.Contains("PerfNotebooks.ProfilingTarget.CachedReport", top);
        var cached = diff.Types.Single(t => t.Type == "PerfNotebooks.ProfilingTarget.CachedReport");
        Assert.True(cached.CountDelta > 0);
        Assert.Contains(cached.HeldBy, h => h.Contains("Dictionary", StringComparison.Ordinal) || h.Contains("Entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Snapshot_totals_match_the_sum_of_its_types()
    {
        using var target = await ProfilingTarget.Start("idle");

        var snapshot = await Profiler.Attach(target).SnapshotHeap();

        Assert.True(snapshot.TotalObjects > 100);
        Assert.Equal(snapshot.Types.Sum(t => t.Bytes), snapshot.TotalBytes);
        Assert.Contains(snapshot.Types, t => t.Type == "System.String");
    }
}
