using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>cpu-usage is a share of the target's cores, as its trace reports them, not of the profiler's machine.</summary>
[Trait("Category", "Deterministic")]
public class TargetCoresTests
{
    private static Profile BusyProfile(int targetCores)
    {
        var samples = Enumerable.Range(0, 300).Select(_ => new ThreadSample(1, 0, OnCpu: true, ["Shop.Program.Main", "Shop.Prices.Recalculate"])).ToList();
        var (cpu, waiting) = ProfileAnalysis.Trees(samples);
        var usage = new CounterSeries("cpu-usage", "CPU Usage", "%", [new CounterPoint(1, 10), new CounterPoint(2, 50), new CounterPoint(3, 50)]) { Provider = "System.Runtime" };
        return new Profile(42, 3, cpu, waiting, [usage], 0, null, string.Empty, targetCores: targetCores);
    }

    [Theory]
    [InlineData(8, "4.0 of 8 cores")]
    [InlineData(64, "32.0 of 64 cores")]
    public void The_cpu_finding_scales_cpu_usage_by_the_targets_cores(int cores, string expected)
    {
        var finding = Assert.Single(BusyProfile(cores).Findings, f => f.Rule == "cpu-hotspot");

        Assert.Contains(finding.Evidence, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_core_count_the_finding_states_no_cores()
    {
        var finding = Assert.Single(BusyProfile(0).Findings, f => f.Rule == "cpu-hotspot");

        Assert.Contains("process CPU averaged 50% of its machine", finding.Evidence);
        Assert.DoesNotContain(finding.Evidence, e => e.Contains("cores", StringComparison.Ordinal));
    }
}
