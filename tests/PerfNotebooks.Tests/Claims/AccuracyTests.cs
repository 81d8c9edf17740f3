using PerfNotebooks.Claims;
using PerfNotebooks.Tests.Fixtures;
using Xunit.Abstractions;

namespace PerfNotebooks.Tests.Claims;

/// <summary>
/// The analyzer against the hand-labelled bullets in datasets/claims/. The floors are the goal (0.95);
/// the figures are printed so a failing run shows what moved.
/// </summary>
public sealed class AccuracyTests
{
    private const double Floor = 0.95;

    private static readonly Lazy<ClaimAccuracy> Development = new(() =>
        ClaimAccuracy.Measure(Path.Combine(RepoPaths.Datasets, "claims", "labelled-bullets.jsonl")));

    private readonly ITestOutputHelper output;

    public AccuracyTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Labelled_set_has_several_hundred_bullets()
    {
        Assert.True(Development.Value.Bullets >= 300, $"only {Development.Value.Bullets} labelled bullets");
    }

    [Fact]
    public void Quantified_and_vague_F1_meet_the_floor()
    {
        var a = Development.Value;
        output.WriteLine(a.ToString());

        Assert.True(a.QuantifiedF1 >= Floor, $"quantified F1 {a.QuantifiedF1:0.000}");
        Assert.True(a.VagueF1 >= Floor, $"vague F1 {a.VagueF1:0.000}");
    }

    [Fact]
    public void Metric_accuracy_meets_the_floor()
    {
        Assert.True(Development.Value.MetricAccuracy >= Floor, $"metric accuracy {Development.Value.MetricAccuracy:0.000}");
    }

    [Fact]
    public void Inconsistency_precision_and_recall_meet_the_floor()
    {
        var a = Development.Value;

        Assert.True(a.InconsistencyPrecision >= Floor, $"precision {a.InconsistencyPrecision:0.000}");
        Assert.True(a.InconsistencyRecall >= Floor, $"recall {a.InconsistencyRecall:0.000}");
    }

    [Fact]
    public void Reproducibility_micro_F1_meets_the_floor()
    {
        Assert.True(Development.Value.ReproducibilityMicroF1 >= Floor, $"micro-F1 {Development.Value.ReproducibilityMicroF1:0.000}");
    }

    [Fact]
    public void Held_out_bullets_written_after_the_rules_stay_above_0_9()
    {
        var a = ClaimAccuracy.Measure(Path.Combine(RepoPaths.Datasets, "claims", "held-out-bullets.jsonl"));
        output.WriteLine(a.ToString());

        Assert.True(a.Bullets >= 40);
        Assert.True(Math.Min(Math.Min(a.QuantifiedF1, a.VagueF1), Math.Min(a.MetricAccuracy, a.ReproducibilityMicroF1)) >= 0.9, a.ToString());
    }

    [Fact]
    public void Analyzer_finds_far_more_claims_than_the_seed_regexes()
    {
        var a = Development.Value;

        Assert.True(a.SeedQuantifiedRecall < 0.2, $"seed recall {a.SeedQuantifiedRecall:0.000}");
        Assert.True(a.QuantifiedF1 > a.SeedQuantifiedRecall * 4);
    }
}
