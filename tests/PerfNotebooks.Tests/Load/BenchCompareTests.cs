using PerfNotebooks.Load;

namespace PerfNotebooks.Tests.Load;

[Trait("Category", "Live")]
public class BenchCompareTests
{
    [Fact]
    public async Task Compare_calls_a_much_longer_command_significantly_worse()
    {
        var report = await Bench.Commands(["sleep 0.01", "sleep 0.3"], runs: 6, warmup: 0);

        var shift = report.Compare(0, 1);

        Assert.True(shift.Significant, shift.Verdict);
        Assert.True(shift.Shift > 0, shift.Verdict);
        Assert.StartsWith("time: worse by", shift.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_rejects_the_same_command_index_twice_naming_the_fix()
    {
        var report = await Bench.Commands(["true", "true"], runs: 2, warmup: 0);

        var error = Assert.Throws<BadInputException>(() => report.Compare(1, 1));

        Assert.Contains("two different command indices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_needs_at_least_two_runs_per_command()
    {
        var report = await Bench.Commands(["true", "true"], runs: 1, warmup: 0);

        var error = Assert.Throws<BadInputException>(() => report.Compare());

        Assert.Contains("at least 2 runs", error.Message, StringComparison.Ordinal);
    }
}
