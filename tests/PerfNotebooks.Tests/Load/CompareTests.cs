using PerfNotebooks.Load;
using PerfNotebooks.Tests.Fixtures;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Tests.Load;

[Trait("Category", "Live")]
public class CompareTests
{
    private static double[] Normal(Random random, int n, double mean, double sd) =>
        [.. Enumerable.Range(0, n).Select(_ => mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];

    [Fact]
    public void Shift_test_finds_no_significant_change_between_samples_of_one_distribution()
    {
        var random = new Random(7);
        var before = Normal(random, 10, 100, 5);
        var after = Normal(random, 10, 100, 5);

        var t = ShiftTest.Run(before, after);

        Assert.True(t.PValue >= 0.05, $"p = {t.PValue}");
        Assert.True(t.CiLow <= 0 && t.CiHigh >= 0, $"CI [{t.CiLow}, {t.CiHigh}]");
    }

    [Fact]
    public void Shift_test_detects_a_real_shift_and_its_interval_covers_it()
    {
        var random = new Random(11);
        var before = Normal(random, 10, 100, 5);
        var after = Normal(random, 10, 80, 5);

        var t = ShiftTest.Run(before, after);

        Assert.True(t.PValue < 0.01, $"p = {t.PValue}");
        Assert.InRange(-20.0, t.CiLow, t.CiHigh);
        Assert.True(t.EffectSize < -1, $"effect {t.EffectSize}");
    }

    [Fact]
    public void Shift_interval_for_five_runs_each_cuts_three_differences_from_each_end()
    {
        // Exact Mann–Whitney table: m = n = 5 at 95% gives C = 3, so the CI is [d(3), d(23)] with 96.8% coverage.
        double[] before = [0, 10, 20, 30, 40];
        double[] after = [1, 2, 3, 4, 5];

        var t = ShiftTest.Run(before, after);

        var diffs = after.SelectMany(a => before.Select(b => a - b)).Order().ToArray();
        Assert.Equal(diffs[2], t.CiLow);
        Assert.Equal(diffs[22], t.CiHigh);
        Assert.Equal(1 - (2.0 * 4 / 252), t.Confidence, 6);
    }

    [Fact]
    public async Task Compare_detects_a_slower_endpoint_from_alternating_real_runs()
    {
        await using var server = new TinyHttpServer();
        var options = new LoadOptions { Connections = 1, Duration = 500.Milliseconds() };

        var comparison = await LoadRunner.Compare(server.Url("/"), server.Url("/sleep/20"), runs: 5, options: options).WaitAsync(TimeSpan.FromSeconds(90));

        var p50 = comparison["p50"];
        Assert.True(p50.Significant, comparison.ToString());
        Assert.True(p50.Shift > 10, comparison.ToString());
        Assert.Contains("p50: worse", comparison.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_of_the_same_runs_on_both_sides_says_no_significant_change()
    {
        await using var server = new TinyHttpServer();
        var runs = new List<LoadResult>();
        for (var i = 0; i < 5; i++)
        {
            // A 300 ms window after a cold start can hold no reply on a loaded machine; such a run measured nothing.
            var measured = await Remeasure.UntilUndisturbed(
                () => LoadRunner.Run(server.Url(), connections: 1, duration: 300.Milliseconds(), warmup: 200.Milliseconds()).WaitAsync(TimeSpan.FromSeconds(60)),
                r => r.Requests == 0 ? "no reply in the 300 ms window" : null);
            runs.Add(measured.Value);
        }

        var comparison = LoadRunner.Compare(runs, runs);

        Assert.StartsWith("no significant change", comparison.Verdict, StringComparison.Ordinal);
        Assert.All(comparison.Metrics, m => Assert.Equal(0, m.Shift));
    }

    [Fact]
    public async Task Compare_of_too_few_runs_says_no_verdict_is_possible()
    {
        await using var server = new TinyHttpServer();
        var options = new LoadOptions { Connections = 1, Duration = 300.Milliseconds() };

        var comparison = await LoadRunner.Compare(server.Url("/"), server.Url("/sleep/20"), runs: 3, options: options).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.NotNull(comparison.Warning);
        Assert.StartsWith("too few runs", comparison.Verdict, StringComparison.Ordinal);
        Assert.DoesNotContain(comparison.Metrics, m => m.Significant);
    }
}
