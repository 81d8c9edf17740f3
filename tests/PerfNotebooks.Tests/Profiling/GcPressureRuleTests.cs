using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>
/// When the gc-pressure rule fires: a high allocation rate alone, or a large share of time in GC beside real
/// allocation; never on time in GC alone, which a preempted collection of a small heap inflates on a busy machine.
/// </summary>
[Trait("Category", "Deterministic")]
public class GcPressureRuleTests
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>A profile whose alloc-rate is <paramref name="mbPerSecond"/> each second and whose time in GC is <paramref name="gcPercent"/>.</summary>
    private static Profile Profile(double mbPerSecond, double gcPercent)
    {
        var alloc = new CounterSeries("alloc-rate", "Allocation Rate", "B", [.. Enumerable.Range(1, 5).Select(i => new CounterPoint(i, mbPerSecond * Megabyte) { IntervalSeconds = 1, IsIncrement = true })])
        {
            Provider = "System.Runtime",
            IsIncrement = true,
        };
        return CounterProfiles.With(alloc, CounterProfiles.Series("time-in-gc", "System.Runtime", gcPercent, gcPercent, gcPercent, gcPercent, gcPercent));
    }

    [Fact]
    public void Fires_on_a_high_allocation_rate_with_little_time_in_gc()
    {
        var finding = new GcPressureRule().Check(Profile(mbPerSecond: 400, gcPercent: 2));

        Assert.NotNull(finding);
        Assert.Contains("allocation rate averaged 400 MB/s", finding.Evidence);
    }

    [Fact]
    public void Fires_on_a_large_share_of_time_in_gc_beside_real_allocation()
    {
        var finding = new GcPressureRule().Check(Profile(mbPerSecond: 80, gcPercent: 25));

        Assert.NotNull(finding);
        Assert.Contains("time in GC averaged 25.0%", finding.Evidence);
    }

    [Fact]
    public void Stays_quiet_on_time_in_gc_without_allocation_behind_it()
    {
        // What the fixed CSV export read on a busy CI machine: 10% in GC while allocating a few MB/s.
        Assert.Null(new GcPressureRule().Check(Profile(mbPerSecond: 5, gcPercent: 12)));
    }

    [Fact]
    public void Stays_quiet_on_moderate_allocation_and_little_time_in_gc()
    {
        Assert.Null(new GcPressureRule().Check(Profile(mbPerSecond: 120, gcPercent: 4)));
    }

    [Fact]
    public void Stays_quiet_without_counters()
    {
        Assert.Null(new GcPressureRule().Check(CounterProfiles.With(CounterProfiles.Series("cpu-usage", "System.Runtime", 50, 50))));
    }
}
