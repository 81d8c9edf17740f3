using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>Incrementing counters report per interval; rules read them per second whatever the interval was.</summary>
[Trait("Category", "Deterministic")]
public class CounterRateTests
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>An incrementing counter: <paramref name="perInterval"/> each <paramref name="interval"/> seconds.</summary>
    private static CounterSeries Increments(string name, double interval, double perInterval, int points = 6) =>
        new(name, name, "B", [.. Enumerable.Range(1, points).Select(i => new CounterPoint(i * interval, perInterval) { IntervalSeconds = interval, IsIncrement = true })])
        {
            Provider = "System.Runtime",
            IsIncrement = true,
        };

    [Theory]
    [InlineData(1, 50, 50)]
    [InlineData(5, 50, 10)]
    [InlineData(0.5, 50, 100)]
    public void An_increment_per_interval_is_a_rate_per_second(double interval, double perInterval, double perSecond)
    {
        Assert.Equal(perSecond, Increments("monitor-lock-contention-count", interval, perInterval).PerSecondAfterFirst, precision: 9);
    }

    [Fact]
    public void A_gauge_is_its_mean_whatever_the_interval()
    {
        var gauge = new CounterSeries("cpu-usage", "CPU", "%", [.. new[] { 0.0, 40, 60 }.Select((v, i) => new CounterPoint(i * 5, v) { IntervalSeconds = 5 })]);

        Assert.Equal(50, gauge.PerSecondAfterFirst, precision: 9);
    }

    [Fact]
    public void Gc_pressure_does_not_fire_on_a_modest_rate_read_at_a_5_s_interval()
    {
        // 600 MB every 5 s is 120 MB/s, under the 200 MB/s bar; read per interval it looked like 600 MB/s.
        var profile = CounterProfiles.With(Increments("alloc-rate", 5, 600 * Megabyte));

        Assert.DoesNotContain(profile.Findings, f => f.Rule == "gc-pressure");
    }

    [Fact]
    public void Gc_pressure_fires_on_a_high_rate_read_at_a_half_second_interval()
    {
        // 150 MB every 0.5 s is 300 MB/s; read per interval it looked like 150 MB/s.
        var profile = CounterProfiles.With(Increments("alloc-rate", 0.5, 150 * Megabyte));

        var finding = Assert.Single(profile.Findings, f => f.Rule == "gc-pressure");
        Assert.Contains("allocation rate averaged 300 MB/s", finding.Evidence);
    }
}
