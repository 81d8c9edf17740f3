using System.Text.Json;
using PerfNotebooks.Load;

namespace PerfNotebooks.Tests.Load;

[Trait("Category", "Live")]
public class BenchTests
{
    [Fact]
    public async Task Command_runs_the_requested_number_of_times_and_records_exit_codes()
    {
        var report = await Bench.Command("exit 3", runs: 4, warmup: 0);

        var result = Assert.Single(report.Results);
        Assert.Equal(4, result.Times.Count);
        Assert.All(result.ExitCodes, c => Assert.Equal(3, c));
        Assert.Contains(report.Warnings, w => w.Contains("exited with code 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_longer_command_measures_longer_than_a_shorter_one()
    {
        var report = await Bench.Commands(["sleep 0.01", "sleep 0.3"], runs: 3, warmup: 0);

        Assert.True(report.Results[1].Min > report.Results[0].Max, report.ToString());
        Assert.Contains("'sleep 0.01' ran", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hyperfine_json_export_has_hyperfines_fields_and_round_trips()
    {
        var report = await Bench.Command("true", runs: 3, warmup: 1);

        var json = report.ToHyperfineJson();
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement.GetProperty("results")[0];
        string[] fields = ["command", "mean", "stddev", "median", "user", "system", "min", "max", "times", "exit_codes"];
        Assert.Equal(fields, r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, r.GetProperty("times").GetArrayLength());
        Assert.Equal(report.Results[0], BenchReport.FromHyperfineJson(json).Results[0] with { Times = report.Results[0].Times, ExitCodes = report.Results[0].ExitCodes });
    }

    [Fact]
    public async Task No_command_is_bad_input()
    {
        await Assert.ThrowsAsync<BadInputException>(() => Bench.Commands([], runs: 1));
    }
}
