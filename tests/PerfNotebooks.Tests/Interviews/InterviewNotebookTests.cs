using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Interviews;

/// <summary>
/// notebooks/11-interview.ipynb run headless as an interviewer would script it (`perfnb run NB --param ...`): its own
/// cells take the counters, the load run and the profile, so a submission citing them is credited.
/// </summary>
[Trait("Category", "Live")]
public class InterviewNotebookTests
{
    [Fact]
    public async Task The_interview_notebook_runs_headless_and_its_submission_leaves_a_credited_record()
    {
        using var folder = new TempFolder();
        var notebook = Path.Combine(RepoPaths.Notebooks, "11-interview.ipynb");

        var run = await CliRunner.Run(
            "run", notebook, "--output", Path.Combine(folder.Path, "executed.ipynb"),
            "--param", "seed=" + InterviewRuns.SeedFor("none"), "--param", "candidate=Grace",
            "--param", "diagnosis=none", "--param", "evidence=profile,counters,load", "--param", "records=" + Path.Combine(folder.Path, "records"));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, "records"), "*.json"));
        using var record = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal("Grace", record.RootElement.GetProperty("candidate").GetString());
        Assert.True(record.RootElement.GetProperty("evidenceCredited").GetBoolean(), record.RootElement.GetProperty("evidenceNote").GetString());
        Assert.Equal(100, record.RootElement.GetProperty("score").GetInt32());
    }
}
