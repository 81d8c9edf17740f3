using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Interviews;

/// <summary>
/// `perfnb interview` as a candidate drives it, through its prompt on stdin in a real process: what is measured at
/// the prompt is credited, what is only cited is not, and a mistake at the prompt does not end the interview.
/// </summary>
[Trait("Category", "Live")]
public class InterviewCliTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Counters_taken_at_the_prompt_are_credited_and_a_bad_command_does_not_end_the_interview()
    {
        using var folder = new TempFolder();

        var run = await Interview(folder.Path, InterviewRuns.SeedFor("none"), "bogus\nstats\nsubmit none counters\n");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("'bogus' is not a command here; type help", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "Service.cs")), "the code to edit was not written");
        var record = Record(folder.Path);
        Assert.Equal(100, record.GetProperty("score").GetInt32());
        Assert.Equal("Ada", record.GetProperty("candidate").GetString());
    }

    [Fact]
    public async Task Evidence_cited_but_never_taken_earns_nothing()
    {
        using var folder = new TempFolder();

        var run = await Interview(folder.Path, InterviewRuns.SeedFor("none"), "submit none profile\n");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(80, Record(folder.Path).GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task Input_that_ends_without_a_submission_fails_and_writes_no_record()
    {
        using var folder = new TempFolder();

        var run = await Interview(folder.Path, InterviewRuns.SeedFor("none"), "time\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("without a submission", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.json"));
    }

    [Fact]
    public async Task A_seed_that_is_not_a_number_is_bad_usage_naming_it()
    {
        var run = await CliRunner.Run("interview", "--seed", "abc");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--seed 'abc' is not a whole number", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Stderr, StringComparison.Ordinal);
    }

    private static JsonElement Record(string folder)
    {
        var file = Assert.Single(Directory.GetFiles(folder, "*.json"));
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.Clone();
    }

    private static Task<CliRunner.Result> Interview(string folder, int seed, string input) => PerfnbProcess.Run(
        ["interview", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--candidate", "Ada", "--out", folder], RunTimeout, input);
}
