using System.Text.Json.Nodes;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Notebooks;

[Trait("Category", "Live")]
public class RunCommandTests
{
    [Fact]
    public async Task Run_executes_our_notebook_and_writes_outputs_with_execution_counts()
    {
        var input = SampleNotebooks.CopyToTemp("ours.ipynb");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "executed.ipynb");

        var result = await CliRunner.Run("run", input, "--output", output, "--quiet");

        Assert.Equal(0, result.ExitCode);
        var cells = (JsonNode.Parse(File.ReadAllText(output))!["cells"] as JsonArray)!;
        var last = cells[^1]!;
        Assert.Equal(2, (int?)last["execution_count"]);
        Assert.Equal("hello perfnb", (string?)last["outputs"]![0]!["data"]!["text/plain"]);
    }

    [Fact]
    public async Task Run_of_a_polyglot_notebook_runs_csharp_cells_and_rejects_other_languages_clearly()
    {
        var input = SampleNotebooks.CopyToTemp("polyglot-made.ipynb");

        var result = await CliRunner.Run("run", input, "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cell 4", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("only", result.Stderr, StringComparison.Ordinal);
        var cells = (JsonNode.Parse(File.ReadAllText(input))!["cells"] as JsonArray)!;
        Assert.Equal("30", (string?)cells[2]!["outputs"]![0]!["data"]!["text/plain"]);
        Assert.Equal(".net-csharp", (string?)JsonNode.Parse(File.ReadAllText(input))!["metadata"]!["kernelspec"]!["name"]);
    }

    [Fact]
    public async Task Run_of_a_dib_file_runs_its_cells_and_keeps_the_format()
    {
        var input = SampleNotebooks.CopyToTemp("polyglot-made.dib");

        var result = await CliRunner.Run("run", input, "--quiet", "--output", input.Replace(".dib", ".ipynb", StringComparison.Ordinal));

        Assert.Equal(0, result.ExitCode);
        var cells = (JsonNode.Parse(File.ReadAllText(input.Replace(".dib", ".ipynb", StringComparison.Ordinal)))!["cells"] as JsonArray)!;
        Assert.Equal("5", (string?)cells[^1]!["outputs"]![0]!["data"]!["text/plain"]);
    }

    [Fact]
    public async Task Run_stops_at_a_failing_cell_with_its_number_and_exit_code_1()
    {
        var input = SampleNotebooks.CopyToTemp("failing.ipynb");

        var result = await CliRunner.Run("run", input, "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cell 2", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("boom", result.Stderr, StringComparison.Ordinal);
        var cells = (JsonNode.Parse(File.ReadAllText(input))!["cells"] as JsonArray)!;
        Assert.Null((int?)cells[2]!["execution_count"]);
    }

    [Fact]
    public async Task Run_with_allow_errors_runs_the_cells_after_a_failure()
    {
        var input = SampleNotebooks.CopyToTemp("failing.ipynb");

        var result = await CliRunner.Run("run", input, "--quiet", "--allow-errors");

        Assert.Equal(1, result.ExitCode);
        var cells = (JsonNode.Parse(File.ReadAllText(input))!["cells"] as JsonArray)!;
        Assert.Equal("2", (string?)cells[2]!["outputs"]![0]!["data"]!["text/plain"]);
    }

    [Fact]
    public async Task Run_interrupts_a_cell_that_exceeds_the_timeout()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-nb-").FullName;
        var input = Path.Combine(folder, "spin.dib");
        await File.WriteAllTextAsync(input, "#!csharp\n\nwhile (true) { }\n");

        var result = await CliRunner.Run("run", input, "--quiet", "--timeout", "2", "--output", Path.Combine(folder, "out.ipynb"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CellTimeout", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_writes_a_self_contained_html_page_when_asked()
    {
        var input = SampleNotebooks.CopyToTemp("ours.ipynb");
        var html = Path.Combine(Path.GetDirectoryName(input)!, "page.html");

        var result = await CliRunner.Run("run", input, "--quiet", "--html", html);

        Assert.Equal(0, result.ExitCode);
        var page = await File.ReadAllTextAsync(html);
        Assert.Contains("<h1", page, StringComparison.Ordinal);
        Assert.Contains("hello perfnb", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_of_a_missing_notebook_is_bad_usage_naming_the_path()
    {
        var result = await CliRunner.Run("run", "/no/such/notebook.ipynb");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/notebook.ipynb", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_of_a_corrupt_notebook_is_bad_usage_and_leaves_the_file_untouched()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-nb-").FullName;
        var input = Path.Combine(folder, "broken.ipynb");
        await File.WriteAllTextAsync(input, "{ \"cells\": [ ");

        var result = await CliRunner.Run("run", input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not valid notebook JSON", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("{ \"cells\": [ ", await File.ReadAllTextAsync(input));
    }
}
