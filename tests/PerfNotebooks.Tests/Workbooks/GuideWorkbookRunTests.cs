using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Tests.Workbooks;

/// <summary>
/// Runs the guide workbooks (00, 01, 08, 09, 10) the way CI does: `perfnb workbook run NAME` in its own
/// process, then reads every checkpoint out of the executed notebook.
/// </summary>
[Collection(GuideWorkbookRuns.Name)]
[Trait("Category", "Live")]
public class GuideWorkbookRunTests
{
    [Fact]
    public Task Start_here_workbook_runs_headless_with_every_checkpoint_passing() => RunsGreen("00-start-here", minimumCheckpoints: 5);

    [Fact]
    public Task Resume_claims_workbook_runs_headless_with_every_checkpoint_passing() => RunsGreen("01-your-resume-claims", minimumCheckpoints: 5);

    [Fact]
    public Task Benchmark_workbook_runs_headless_with_every_checkpoint_passing() => RunsGreen("08-benchmark-your-claim", minimumCheckpoints: 5);

    [Fact]
    public Task Hiring_manager_workbook_runs_headless_with_every_checkpoint_passing() => RunsGreen("09-hiring-manager-claims-dataset", minimumCheckpoints: 4);

    [Fact]
    public Task Instructor_guide_workbook_runs_headless_with_every_checkpoint_passing() => RunsGreen("10-instructor-guide", minimumCheckpoints: 2);

    [Fact]
    public async Task Resume_claims_checkpoint_fails_for_a_wrong_answer_while_the_others_pass()
    {
        var classDir = Directory.CreateTempSubdirectory("perfnb-guide-class-").FullName;
        var instructor = Path.Combine(RepoPaths.Notebooks, "01-your-resume-claims.ipynb");
        var learner = NotebookDocument.Load(instructor);
        var vague = learner.Cells.Single(c => c.Id == "vague");
        vague.Source = vague.Source.Replace("claims.Where(c => c.Vague)", "claims.Where(c => c.Quantified)", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(classDir, "dee"));
        learner.Save(Path.Combine(classDir, "dee", "01-your-resume-claims.ipynb"));

        var (exitCode, stderr) = await RunPerfnb("workbook", "grade", classDir, "--source", instructor);

        Assert.True(exitCode == 0, $"perfnb workbook grade exited {exitCode}:\n{stderr}");
        var csv = await File.ReadAllLinesAsync(Path.Combine(classDir, "grades.csv"));
        var header = csv[0].Split(',');
        var row = csv[1].Split(',');
        Assert.Equal("0", row[Array.IndexOf(header, "vague bullets found")]);
        Assert.Equal("1", row[Array.IndexOf(header, "inconsistent bullets found")]);
        Assert.Equal("1", row[Array.IndexOf(header, "rewrite is a new bullet")]);
    }

    private static async Task RunsGreen(string workbook, int minimumCheckpoints)
    {
        var outDir = Directory.CreateTempSubdirectory("perfnb-guide-").FullName;
        var (exitCode, stderr) = await RunPerfnb("workbook", "run", workbook, "--out", outDir, "--quiet");

        Assert.True(exitCode == 0, $"perfnb workbook run {workbook} exited {exitCode}:\n{stderr}");
        var checkpoints = Checkpoints(Path.Combine(outDir, workbook + ".ipynb"));
        Assert.True(checkpoints.Count >= minimumCheckpoints, $"{workbook}: only {checkpoints.Count} checkpoints recorded");
        var failed = checkpoints.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList();
        Assert.True(failed.Count == 0, $"{workbook}: checkpoints failed:\n{string.Join('\n', failed)}");
    }

    private static List<(string Name, bool Passed, string Detail)> Checkpoints(string executedNotebook)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(executedNotebook))!;
        var found = new List<(string, bool, string)>();
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            foreach (var output in cell!["outputs"]?.AsArray() ?? [])
            {
                if (output?["data"]?[CheckResult.MimeType] is JsonNode check)
                {
                    var node = check is JsonValue value && value.TryGetValue<string>(out var text) ? JsonNode.Parse(text)! : check;
                    found.Add(((string?)node["checkpoint"] ?? "?", (bool?)node["passed"] ?? false, (string?)node["detail"] ?? ""));
                }
            }
        }

        return found;
    }

    private static async Task<(int ExitCode, string Stderr)> RunPerfnb(params string[] args)
    {
        var run = await PerfnbProcess.Run(args, TimeSpan.FromMinutes(5));
        return (run.ExitCode, run.Stderr);
    }
}
