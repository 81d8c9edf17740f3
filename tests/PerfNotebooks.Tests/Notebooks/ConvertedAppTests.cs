using System.Diagnostics;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Notebooks;

/// <summary>A notebook converted to a file-based app behaves as it did in its kernel, wherever <c>dotnet run</c> is started.</summary>
public class ConvertedAppTests
{
    [Fact]
    public async Task Converted_app_run_from_another_folder_reads_files_beside_it_and_finds_the_checkout()
    {
        var notebookFolder = Directory.CreateTempSubdirectory("perfnb-app-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("perfnb-cwd-").FullName;
        await File.WriteAllTextAsync(Path.Combine(notebookFolder, "note.txt"), "read beside the notebook");
        var notebook = new NotebookDocument
        {
            Cells =
            [
                new NotebookCell { Kind = CellKind.Code, Source = "File.ReadAllText(\"note.txt\")" },
                new NotebookCell { Kind = CellKind.Code, Source = "var root = Environment.GetEnvironmentVariable(\"PERFNB_REPO_ROOT\");\n$\"checkout found: {File.Exists(Path.Combine(root!, \"PerfNotebooks.sln\"))}\"" },
                new NotebookCell { Kind = CellKind.Code, Source = "display(\"<b>shown</b>\", \"text/html\");\nClearOutput();\nMarkdown(\"**done**\")" },
            ],
        };
        var app = Path.Combine(notebookFolder, "app.cs");
        notebook.Save(app);

        var (exitCode, output) = await DotnetRun(app, workingDirectory: elsewhere);

        Assert.True(exitCode == 0, output);
        Assert.Contains("read beside the notebook", output, StringComparison.Ordinal);
        Assert.Contains("checkout found: True", output, StringComparison.Ordinal);
        Assert.Contains("**done**", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Converting_the_app_back_leaves_out_the_start_line_it_added()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-app-").FullName;
        var app = Path.Combine(folder, "app.cs");
        new NotebookDocument { Cells = [new NotebookCell { Kind = CellKind.Code, Source = "var x = 1;" }] }.Save(app);

        var back = NotebookDocument.Load(app);

        Assert.DoesNotContain(back.Cells, c => c.Source.Contains("PerfNotebooksShim", StringComparison.Ordinal));
        Assert.Contains(back.Cells, c => c.Source == "var x = 1;");
    }

    private static async Task<(int ExitCode, string Output)> DotnetRun(string app, string workingDirectory)
    {
        var start = new ProcessStartInfo(PerfNotebooks.Kernel.Execution.DotnetHost.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(app);
        start.Environment.Remove("PERFNB_REPO_ROOT"); // as a user's shell has it
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
