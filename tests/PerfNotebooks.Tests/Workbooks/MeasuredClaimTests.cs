using System.Globalization;
using System.Text.Json;
using PerfNotebooks.Load;
using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Workbooks;
using ClaimAnalysis = PerfNotebooks.Claims.Claims;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Tests.Workbooks;

/// <summary>
/// A real before/after comparison: a server answering after 100 ms, then the same server answering at once. The
/// gap is wide so a loaded machine (the whole suite runs beside it) cannot push the fast side's p99 across it.
/// </summary>
public sealed class SleepFixedComparison : IAsyncLifetime
{
    private readonly TinyHttpServer server = new();

    public LoadComparison Comparison { get; private set; } = null!;

    public LoadComparison Regression { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new LoadOptions { Connections = 2, Duration = TimeSpan.FromMilliseconds(600) };
        Comparison = await LoadRunner.Compare(server.Url("/sleep/100"), server.Url("/"), runs: 5, options: options).WaitAsync(TimeSpan.FromSeconds(120));
        Regression = await LoadRunner.Compare(server.Url("/"), server.Url("/sleep/100"), runs: 5, options: options).WaitAsync(TimeSpan.FromSeconds(120));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();
}

[Trait("Category", "Live")]
public class MeasuredClaimTests(SleepFixedComparison measured) : IClassFixture<SleepFixedComparison>
{
    private const string Reproduce = "./perfnb workbook run 03-n-plus-one";

    [Fact]
    public void From_writes_a_bullet_the_claims_analyzer_scores_5_of_5_and_consistent()
    {
        var claim = MeasuredClaim.From(measured.Comparison, "removing the sleep", Reproduce, metric: "p99", tools: ["wrk 4.1.0"]);

        var analysis = ClaimAnalysis.Analyze(claim.Bullet).Single();

        Assert.True(analysis.Score == 5, $"score {analysis.Score}, missing {string.Join(", ", analysis.Reproducibility.Missing())}: {claim.Bullet}");
        Assert.True(analysis.Consistent, $"{string.Join("; ", analysis.Flags)}: {claim.Bullet}");
    }

    [Theory]
    [InlineData("Go 1.19.8")]
    [InlineData("Node.js 20.19.2")]
    [InlineData(".NET 10.0.12")]
    public void Bullet_names_the_servers_runtime_and_still_scores_5_of_5_and_consistent(string serverRuntime)
    {
        var claim = MeasuredClaim.From(measured.Comparison, "removing the sleep", Reproduce, "p50", null, ["wrk 4.1.0"], serverRuntime);

        var analysis = ClaimAnalysis.Analyze(claim.Bullet).Single();

        Assert.EndsWith($"and wrk 4.1.0 against a {serverRuntime} server", claim.Bullet, StringComparison.Ordinal);
        Assert.DoesNotContain(" on .NET", claim.Bullet, StringComparison.Ordinal);
        Assert.True(analysis.Score == 5 && analysis.Consistent == true, $"score {analysis.Score}, {string.Join("; ", analysis.Flags)}: {claim.Bullet}");
    }

    [Fact]
    public void Bullet_names_both_tools_when_wrk_measured_the_same_change()
    {
        var withWrk = MeasuredClaim.From(measured.Comparison, "removing the sleep", Reproduce, metric: "p50", tools: ["wrk 4.1.0"]);
        var alone = MeasuredClaim.From(measured.Comparison, "removing the sleep", Reproduce, metric: "p50");

        var tool = measured.Comparison.Before[0].Environment.Tool;
        Assert.Contains($"measured with {tool} and wrk 4.1.0 on ", withWrk.Bullet, StringComparison.Ordinal);
        Assert.Contains($"measured with {tool} on ", alone.Bullet, StringComparison.Ordinal);
        Assert.DoesNotContain("wrk", alone.Bullet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p50")]
    [InlineData("p90")]
    [InlineData("mean")]
    [InlineData("rps")]
    public void From_writes_a_consistent_5_of_5_bullet_for_every_metric(string metric)
    {
        var claim = MeasuredClaim.From(measured.Comparison, "removing the sleep", Reproduce, metric: metric, tools: ["wrk 4.1.0"]);

        var analysis = ClaimAnalysis.Analyze(claim.Bullet).Single();

        Assert.True(analysis.Score == 5 && analysis.Consistent == true, $"score {analysis.Score}, consistent {analysis.Consistent}: {claim.Bullet}");
    }

    [Fact]
    public void From_states_the_change_computed_from_the_measured_medians()
    {
        var shift = measured.Comparison["p50"];

        var claim = MeasuredClaim.From(measured.Comparison, "removing the sleep", Reproduce, metric: "p50");

        var expected = Math.Abs(shift.AfterMedian - shift.BeforeMedian) / shift.BeforeMedian * 100;
        Assert.Equal(expected, claim.ChangePercent, 6);
        Assert.Contains(expected.ToString("0.#", CultureInfo.InvariantCulture) + "% lower", claim.Bullet, StringComparison.Ordinal);
    }

    [Fact]
    public void From_names_workload_hardware_and_tool_versions()
    {
        var run = measured.Comparison.Before[0];

        var claim = MeasuredClaim.From(measured.Comparison, "removing the sleep", Reproduce);

        Assert.Contains($"{run.Connections} concurrent connections", claim.Bullet, StringComparison.Ordinal);
        Assert.Contains($"{run.Environment.Cores}-core", claim.Bullet, StringComparison.Ordinal);
        Assert.Contains(run.Environment.Tool, claim.Bullet, StringComparison.Ordinal);
        Assert.Contains(run.Environment.Dotnet, claim.Bullet, StringComparison.Ordinal);
        Assert.Contains("/sleep/100", claim.Bullet, StringComparison.Ordinal);
    }

    [Fact]
    public void From_refuses_a_claim_when_the_metric_got_worse()
    {
        var error = Assert.Throws<BadInputException>(() => MeasuredClaim.From(measured.Regression, "adding a sleep", Reproduce, metric: "p50"));

        Assert.Contains("p50", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_rejects_an_unknown_metric_naming_the_choices()
    {
        var error = Assert.Throws<BadInputException>(() => MeasuredClaim.From(measured.Comparison, "removing the sleep", Reproduce, metric: "p42"));

        Assert.Contains("p99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mime_bundle_carries_the_bullet_and_the_command_as_claim_json()
    {
        var claim = MeasuredClaim.From(measured.Comparison, "removing the sleep", Reproduce);

        var bundle = claim.ToMimeBundle();

        using var json = JsonDocument.Parse(bundle[MeasuredClaim.MimeType]);
        Assert.Equal(claim.Bullet, json.RootElement.GetProperty("bullet").GetString());
        Assert.Equal(Reproduce, json.RootElement.GetProperty("reproduce").GetString());
        Assert.Equal("application/vnd.perfnb.claim+json", MeasuredClaim.MimeType);
    }
}

public class MeasuredClaimFromRunsTests
{
    [Fact]
    public void FromRuns_writes_a_consistent_bullet_stating_the_medians()
    {
        double[] before = [5.1, 5.4, 5.2, 5.6, 5.3];
        double[] after = [0.11, 0.12, 0.1, 0.13, 0.12];

        var claim = MeasuredClaim.FromRuns("retained heap growth", "MB", before, after, "1,000 distinct searches per run over 8 concurrent connections", "bounding the cache", "./perfnb workbook run 04-memory-leak", "GET /search", tools: ["wrk 4.1.0"]);

        var analysis = ClaimAnalysis.Analyze(claim.Bullet).Single();
        Assert.Contains("from 5.3 MB to 0.12 MB", claim.Bullet, StringComparison.Ordinal);
        Assert.True(analysis.Score == 5 && analysis.Consistent == true, $"score {analysis.Score}, consistent {analysis.Consistent}: {claim.Bullet}");
    }

    [Fact]
    public void FromRuns_states_the_change_the_printed_numbers_give_when_rounding_moves_it()
    {
        // 102.4 prints as 102: the change from the unrounded medians (65,383%) would disagree with the bullet's pair.
        double[] before = [102.4, 102.3, 102.4, 102.5, 102.4];
        double[] after = [67_055, 67_050, 67_060, 67_055, 67_052];

        var claim = MeasuredClaim.FromRuns("throughput", "req/s", before, after, "2 concurrent connections", "removing the sleep", "./perfnb workbook run 02", "GET /sleep", tools: ["wrk 4.1.0"], lowerIsBetter: false);

        var analysis = ClaimAnalysis.Analyze(claim.Bullet).Single();
        Assert.Contains("from 102 req/s to 67055 req/s (65640% higher)", claim.Bullet, StringComparison.Ordinal);
        Assert.True(analysis.Consistent == true, $"{string.Join("; ", analysis.Flags)}: {claim.Bullet}");
    }

    [Fact]
    public void FromRuns_refuses_when_the_runs_do_not_differ()
    {
        double[] same = [5.1, 5.4, 5.2, 5.6, 5.3];

        var error = Assert.Throws<BadInputException>(() => MeasuredClaim.FromRuns("retained heap growth", "MB", same, [5.3, 5.2, 5.5, 5.1, 5.4], "1,000 searches", "nothing", "./perfnb workbook run 04", "GET /search"));

        Assert.Contains("did not change significantly", error.Message, StringComparison.Ordinal);
    }
}
