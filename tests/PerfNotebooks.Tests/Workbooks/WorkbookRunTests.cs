using System.Diagnostics;
using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Tests.Workbooks;

/// <summary>Each workbook starts sample servers and loads them; one at a time keeps the 2 cores for the one running.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkbookRunCollection
{
    public const string Name = "Workbook runs";
}

/// <summary>
/// Runs the guided workbooks end to end, headless, the way README's first command does: `perfnb workbook run NAME`
/// as a subprocess against live sample servers, then reads the executed notebook's checkpoints.
/// </summary>
[Collection(WorkbookRunCollection.Name)]
[Trait("Category", "Workbooks")] // about 4 minutes in all: filter them out with Category!=Workbooks for a quick run
[Trait("Category", "Live")]
public class WorkbookRunTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData("02-cpu-hotspot")]
    [InlineData("03-n-plus-one")]
    [InlineData("04-memory-leak")]
    [InlineData("05-threadpool-starvation")]
    [InlineData("06-connection-leak")]
    [InlineData("07-lock-contention")]
    public async Task Workbook_runs_headless_with_every_checkpoint_passing_and_prints_its_claim(string workbook)
    {
        var output = Directory.CreateTempSubdirectory("perfnb-wbrun-").FullName;

        var run = await RunWorkbook(RepoPaths.Root, workbook, output);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");
        var checks = Checkpoints(Path.Combine(output, workbook + ".ipynb"));
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.True(c.Passed, $"{c.Checkpoint}: {c.Detail}"));
        Assert.Contains("Claim: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Reproduce: ./perfnb workbook run {workbook}", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("02-cpu-hotspot", "go")]
    [InlineData("02-cpu-hotspot", "node")]
    [InlineData("03-n-plus-one", "go")]
    [InlineData("03-n-plus-one", "node")]
    public async Task Workbook_runs_headless_against_the_go_or_node_server_with_every_checkpoint_passing(string workbook, string runtime)
    {
        var output = Directory.CreateTempSubdirectory("perfnb-wbrun-").FullName;

        var run = await RunWorkbook(RepoPaths.Root, workbook, output, "--param", "runtime=" + runtime);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");
        var executed = NotebookDocument.Load(Path.Combine(output, workbook + ".ipynb"));
        Assert.Contains(executed.Cells, c => c.Source.Contains($"string runtime = \"{runtime}\";", StringComparison.Ordinal));
        var server = executed.Cells.SelectMany(c => c.Outputs).OfType<JsonObject>().Select(o => o["text"]?.ToJsonString()).FirstOrDefault(t => t?.Contains("(buggy, sqlite, ", StringComparison.Ordinal) == true);
        Assert.Contains($"(buggy, sqlite, {runtime})", server, StringComparison.Ordinal);
        var checks = Checkpoints(Path.Combine(output, workbook + ".ipynb"));
        Assert.Contains(checks, c => c.Checkpoint == "fix: same answers as the reference");
        Assert.All(checks, c => Assert.True(c.Passed, $"{runtime} {c.Checkpoint}: {c.Detail}"));
        Assert.Contains($"Reproduce: ./perfnb workbook run {workbook} --param runtime={runtime}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbook_without_the_fix_fails_the_fix_checkpoint_with_a_hint()
    {
        // A learner who ran every cell but left the fix cell as released (the original, buggy file); cut after the
        // check cell to keep it short.
        var root = Directory.CreateTempSubdirectory("perfnb-wbvariant-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        Directory.CreateDirectory(Path.Combine(root, "instructor", "fixes"));
        File.Copy(Path.Combine(RepoPaths.Root, "instructor", "fixes", "n-plus-one.cs"), Path.Combine(root, "instructor", "fixes", "n-plus-one.cs"));
        var notebook = NotebookDocument.Load(Path.Combine(RepoPaths.Notebooks, "03-n-plus-one.ipynb"));
        var fixCell = notebook.Cells.FindIndex(c => c.Source.Contains(WorkbookRelease.BeginSolution, StringComparison.Ordinal));
        Assert.True(fixCell > 0, "03-n-plus-one has no solution region");
        notebook.Cells[fixCell].Source = WorkbookRelease.Release(notebook).Cells[fixCell].Source;
        var checkCell = notebook.Cells.FindIndex(c => c.Source.Contains("ExerciseCheck.Run(server)", StringComparison.Ordinal));
        notebook.Cells.RemoveRange(checkCell + 1, notebook.Cells.Count - checkCell - 1);
        notebook.Save(Path.Combine(root, "notebooks", "03-n-plus-one.ipynb"));
        var output = Path.Combine(root, "out");

        var run = await RunWorkbook(root, "03-n-plus-one", output);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}");
        var checks = Checkpoints(Path.Combine(output, "03-n-plus-one.ipynb"));
        var same = Assert.Single(checks, c => c.Checkpoint == "fix: same answers as the reference");
        var fix = Assert.Single(checks, c => c.Checkpoint == "fix: a fixed number of queries");
        Assert.True(same.Passed, same.Detail);   // the original is slow, not wrong
        Assert.False(fix.Passed, fix.Detail);
        Assert.Contains("2000 for 1000 ids", fix.Detail, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(fix.Hint));
    }

    private static List<CheckResult> Checkpoints(string executedNotebook)
    {
        var checks = new List<CheckResult>();
        foreach (var output in NotebookDocument.Load(executedNotebook).Cells.SelectMany(c => c.Outputs).OfType<JsonObject>())
        {
            if (output["data"]?[CheckResult.MimeType] is JsonNode node)
            {
                var check = node is JsonValue text && text.TryGetValue<string>(out var json) ? JsonNode.Parse(json)! : node;
                checks.Add(new CheckResult((string)check["checkpoint"]!, (bool)check["passed"]!, (string?)check["detail"] ?? "", (string?)check["hint"]));
            }
        }

        return checks;
    }

    private static async Task<CliRunner.Result> RunWorkbook(string repoRoot, string workbook, string output, params string[] more)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "perfnb.dll"), "workbook", "run", workbook, "--out", output, "--quiet", .. more];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PERFNB_REPO_ROOT"] = repoRoot;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{workbook} ran longer than {RunTimeout.TotalMinutes} minutes:\n{await stderr}");
        }

        return new CliRunner.Result(process.ExitCode, await stdout, await stderr);
    }
}
