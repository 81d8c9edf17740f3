using System.Diagnostics;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Notebooks;

[Trait("Category", "Live")]
public class ConvertCommandTests
{
    [Fact]
    public async Task Ipynb_to_dib_and_back_keeps_cells_kinds_and_sources()
    {
        var input = SampleNotebooks.CopyToTemp("polyglot-made.ipynb");
        var dib = Path.ChangeExtension(input, ".dib");
        var back = Path.Combine(Path.GetDirectoryName(input)!, "back.ipynb");

        Assert.Equal(0, (await CliRunner.Run("convert", input, dib)).ExitCode);
        Assert.Equal(0, (await CliRunner.Run("convert", dib, back)).ExitCode);

        var original = NotebookDocument.Load(input);
        var roundTripped = NotebookDocument.Load(back);
        // A cell's redundant leading "#!csharp" line is the one thing .dib cannot keep.
        static string Body(NotebookCell c) => c.Source.Replace("#!csharp\n", "", StringComparison.Ordinal).Trim();
        Assert.Equal(original.Cells.Select(c => (c.Kind, c.Language, Body(c))), roundTripped.Cells.Select(c => (c.Kind, c.Language, Body(c))));
    }

    [Fact]
    public async Task Dib_cells_are_split_on_kernel_headers_not_on_magics()
    {
        var document = NotebookDocument.Load(SampleNotebooks.Path("polyglot-made.dib"));

        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], document.Cells.Select(c => c.Kind));
        Assert.StartsWith("#!time", document.Cells[1].Source, StringComparison.Ordinal);
        Assert.Equal("csharp", (string?)document.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Notebook_converted_to_a_file_based_app_runs_with_dotnet_run()
    {
        var input = SampleNotebooks.CopyToTemp("ours.ipynb");
        var app = Path.ChangeExtension(input, ".cs");

        Assert.Equal(0, (await CliRunner.Run("convert", input, app)).ExitCode);

        var (exitCode, stdout) = await DotnetRun(app);
        Assert.True(exitCode == 0, stdout);
        Assert.Contains("hello perfnb", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_based_app_converts_back_to_cells_with_packages_as_nuget_references()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-nb-").FullName;
        var app = Path.Combine(folder, "app.cs");
        await File.WriteAllTextAsync(app, "#:package Humanizer@2.14.1\n// %% [markdown]\n// # Title\n// %%\nvar x = 1;\n// %%\nConsole.WriteLine(x);\n");
        var notebook = Path.Combine(folder, "app.ipynb");

        Assert.Equal(0, (await CliRunner.Run("convert", app, notebook)).ExitCode);

        var document = NotebookDocument.Load(notebook);
        Assert.Equal("#r \"nuget: Humanizer, 2.14.1\"", document.Cells[0].Source);
        Assert.Equal([CellKind.Code, CellKind.Markdown, CellKind.Code, CellKind.Code], document.Cells.Select(c => c.Kind));
        Assert.Equal("# Title", document.Cells[1].Source);
    }

    [Fact]
    public async Task Convert_refuses_to_overwrite_without_force()
    {
        var input = SampleNotebooks.CopyToTemp("ours.ipynb");
        var output = Path.ChangeExtension(input, ".dib");
        await File.WriteAllTextAsync(output, "keep me");

        var result = await CliRunner.Run("convert", input, output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--force", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task Convert_to_an_unknown_format_is_bad_usage_listing_the_formats()
    {
        var input = SampleNotebooks.CopyToTemp("ours.ipynb");

        var result = await CliRunner.Run("convert", input, Path.ChangeExtension(input, ".docx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".ipynb, .dib or .cs", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> DotnetRun(string app)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(app)! };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(app);
        start.Environment["PERFNB_REPO_ROOT"] = RepoPaths.Root;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
