using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Notebooks;

/// <summary>
/// Papermill-style parameters: `--param NAME=VALUE` sets what the cell tagged "parameters" declares, in a cell
/// injected after it, each value a literal of its default's type.
/// </summary>
public class NotebookParametersTests
{
    private static NotebookDocument Notebook() => NotebookDocument.Load(SampleNotebooks.Path("parameters.ipynb"));

    [Fact]
    public void Declared_reads_each_parameter_with_the_type_of_its_default()
    {
        var declared = NotebookParameters.Declared(Notebook());

        Assert.Equal(
            new Dictionary<string, string> { ["greeting"] = "string", ["count"] = "int", ["ratio"] = "double", ["loud"] = "bool" },
            declared);
    }

    [Fact]
    public void Inject_puts_a_tagged_cell_right_after_the_parameters_cell_with_typed_literals()
    {
        var notebook = Notebook();

        NotebookParameters.Inject(notebook, [new("count", "5"), new("greeting", "hi"), new("ratio", "1.5"), new("loud", "True")], "parameters.ipynb");

        var injected = notebook.Cells[1];
        Assert.Equal(3, notebook.Cells.Count);
        Assert.Equal(NotebookParameters.InjectedTag, (string?)injected.Metadata["tags"]![0]);
        Assert.Contains("int count = 5;", injected.Source, StringComparison.Ordinal);
        Assert.Contains("string greeting = \"hi\";", injected.Source, StringComparison.Ordinal);
        Assert.Contains("double ratio = 1.5d;", injected.Source, StringComparison.Ordinal);
        Assert.Contains("bool loud = true;", injected.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Injecting_again_replaces_the_injected_cell_instead_of_adding_another()
    {
        var notebook = Notebook();

        NotebookParameters.Inject(notebook, [new("count", "5")], "parameters.ipynb");
        NotebookParameters.Inject(notebook, [new("count", "7")], "parameters.ipynb");

        Assert.Single(notebook.Cells, c => c.Metadata["tags"] is JsonArray t && t.Any(x => (string?)x == NotebookParameters.InjectedTag));
        Assert.Contains("int count = 7;", notebook.Cells[1].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_value_is_escaped_so_it_cannot_end_the_literal()
    {
        var notebook = Notebook();

        NotebookParameters.Inject(notebook, [new("greeting", "a\"; System.Environment.Exit(3); //\\\n")], "parameters.ipynb");

        Assert.Contains("string greeting = \"a\\\"; System.Environment.Exit(3); //\\\\\\n\";", notebook.Cells[1].Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runtime", "go", "has no parameter 'runtime'; its parameters: greeting, count, ratio, loud")]
    [InlineData("count", "many", "'count' is an int; give a whole number")]
    [InlineData("ratio", "NaN", "'ratio' is a double; give a number such as 2.5")]
    [InlineData("loud", "yes", "'loud' is a bool; give true or false")]
    public void An_unknown_name_or_a_value_its_type_cannot_hold_is_bad_input_naming_it(string name, string value, string message)
    {
        var error = Assert.Throws<BadInputException>(() => NotebookParameters.Inject(Notebook(), [new(name, value)], "parameters.ipynb"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_without_a_parameters_cell_takes_no_parameters()
    {
        var notebook = NotebookDocument.Load(SampleNotebooks.Path("ours.ipynb"));

        var error = Assert.Throws<BadInputException>(() => NotebookParameters.Inject(notebook, [new("runtime", "go")], "ours.ipynb"));

        Assert.Contains("ours.ipynb has no parameters: none of its code cells is tagged 'parameters'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_without_an_equals_sign_is_bad_input()
    {
        var error = Assert.Throws<BadInputException>(() => NotebookParameters.Parse(["runtime"]));

        Assert.Contains("--param 'runtime' is not NAME=VALUE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Live")]
    public async Task Run_with_params_executes_the_notebook_with_the_values_given_and_quotes_kept()
    {
        var input = SampleNotebooks.CopyToTemp("parameters.ipynb");
        var output = Path.Combine(Path.GetDirectoryName(input)!, "executed.ipynb");

        var result = await CliRunner.Run("run", input, "--output", output, "--quiet", "--param", "greeting=say \"hi\" \\o/", "--param", "count=21", "--param", "loud=true");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var cells = (JsonNode.Parse(File.ReadAllText(output))!["cells"] as JsonArray)!;
        Assert.Equal(3, cells.Count);
        Assert.Equal("say \"hi\" \\o/|42|1|True", (string?)cells[^1]!["outputs"]![0]!["data"]!["text/plain"]);
    }

    [Fact]
    public async Task Run_with_an_unknown_param_exits_2_naming_it_and_the_notebooks_parameters()
    {
        var input = SampleNotebooks.CopyToTemp("parameters.ipynb");

        var result = await CliRunner.Run("run", input, "--quiet", "--param", "runtim=go");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("parameters.ipynb has no parameter 'runtim'; its parameters: greeting, count, ratio, loud", result.Stderr, StringComparison.Ordinal);
    }
}
