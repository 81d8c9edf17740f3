using System.Text.Json.Nodes;
using PerfNotebooks.Display;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Display;

namespace PerfNotebooks.Tests.Notebooks;

/// <summary>What the headless runner (perfnb run) records for display, ClearOutput, input and charts.</summary>
public class HeadlessCellOutputTests
{
    [Fact]
    public async Task Clear_output_removes_what_the_cell_showed_before_it()
    {
        var cell = await RunOne("Console.WriteLine(\"before\");\ndisplay(\"shown\");\nClearOutput();\nConsole.WriteLine(\"after\");\n\"result\"");

        Assert.Equal(["after\n", "result"], cell.Outputs.Select(Text));
    }

    [Fact]
    public async Task Clear_output_with_wait_clears_when_the_next_output_arrives()
    {
        var cell = await RunOne("for (var i = 0; i < 3; i++) { ClearOutput(wait: true); display($\"frame {i}\"); }");

        Assert.Equal(["frame 2"], cell.Outputs.Select(Text));
    }

    [Fact]
    public async Task Clear_output_with_wait_and_nothing_after_keeps_the_outputs()
    {
        var cell = await RunOne("display(\"last frame\");\nClearOutput(wait: true);");

        Assert.Equal(["last frame"], cell.Outputs.Select(Text));
    }

    [Fact]
    public async Task Display_with_a_mime_type_is_stored_as_that_type_and_its_handle_is_not_a_result()
    {
        var cell = await RunOne("display(\"<b>hi</b>\", \"text/html\")");

        var output = Assert.Single(cell.Outputs)!;
        Assert.Equal("display_data", (string?)output["output_type"]);
        Assert.Equal("<b>hi</b>", (string?)output["data"]!["text/html"]);
        Assert.Null(output["data"]!["text/plain"]);
    }

    [Fact]
    public async Task Polyglot_style_display_extension_with_a_mime_type_is_ours_not_the_formatting_packages()
    {
        var cell = await RunOne("\"<i>x</i>\".Display(\"text/html\");\n42.Display();");

        Assert.Equal("<i>x</i>", (string?)cell.Outputs[0]!["data"]!["text/html"]);
        Assert.Equal("42", (string?)cell.Outputs[1]!["data"]!["text/plain"]);
    }

    [Fact]
    public async Task Reading_input_in_a_headless_run_fails_the_cell_saying_there_is_no_stdin()
    {
        var cell = await RunOne("var name = Console.ReadLine();", allowErrors: true);

        var error = Assert.Single(cell.Outputs)!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Contains("perfnb run have no stdin", (string?)error["evalue"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notebook_saved_with_a_chart_is_small_and_its_html_export_carries_plotly_js_once()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-chart-").FullName;
        var notebook = new NotebookDocument
        {
            Cells =
            [
                new NotebookCell { Kind = CellKind.Code, Source = "Charts.TimeSeries([Series.PerSecond(\"rps\", [1, 2, 3])])" },
                new NotebookCell { Kind = CellKind.Code, Source = "display(Charts.TimeSeries([Series.PerSecond(\"p99\", [9, 8, 7])]));" },
            ],
        };

        await NotebookRunner.RunAsync(notebook, folder);
        var ipynb = Path.Combine(folder, "charts.ipynb");
        var html = Path.Combine(folder, "charts.html");
        notebook.Save(ipynb);
        notebook.SaveHtml(html, "charts");

        var saved = await File.ReadAllTextAsync(ipynb);
        Assert.True(saved.Length < 50_000, $"the notebook is {saved.Length} bytes; plotly.js alone is over 3 MB");
        Assert.Equal(0, OfflineHtml.LibraryCopies(saved));
        Assert.Equal(2, saved.Split("kernelspecs/perfnb/" + PlotlyLibrary.FileName).Length - 1);
        Assert.Contains(MimeTypes.Plotly, saved, StringComparison.Ordinal);
        var page = await File.ReadAllTextAsync(html);
        Assert.Equal(1, OfflineHtml.LibraryCopies(page));
        Assert.DoesNotContain("kernelspecs/perfnb", page, StringComparison.Ordinal);
    }

    private static async Task<NotebookCell> RunOne(string source, bool allowErrors = false)
    {
        var notebook = new NotebookDocument { Cells = [new NotebookCell { Kind = CellKind.Code, Source = source }] };
        var report = await NotebookRunner.RunAsync(notebook, Path.GetTempPath(), new RunOptions { AllowErrors = allowErrors });
        if (!allowErrors)
        {
            Assert.Equal(0, report.CellsFailed);
        }

        return notebook.Cells[0];
    }

    private static string? Text(JsonNode? output) =>
        (string?)output!["text"] ?? (string?)output["data"]?["text/plain"];
}
