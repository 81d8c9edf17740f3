using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfNotebooks.Kernel.Execution;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>The checks woven into cells: where they go, and that they never change what a cell means.</summary>
public class InterruptWeaverTests
{
    private static string Weave(string code) => InterruptWeaver.Weave(CSharpSyntaxTree.ParseText(code, CSharpSession.ParseOptions));

    private const string Check = "global::PerfNotebooks.Kernel.Execution.Interruption.Check();";

    [Fact]
    public void Top_level_statements_check_at_the_end_of_their_line_so_columns_stay_true()
    {
        var woven = Weave("await Task.Delay(10); // wait\nvar after = 1;\nafter");

        Assert.Equal($"await Task.Delay(10); {Check} // wait\nvar after = 1; {Check}\nafter", woven);
    }

    [Fact]
    public void Statements_in_catch_and_finally_blocks_get_no_checks()
    {
        var woven = Weave("try { }\nfinally\n{\n    a();\n    b();\n}");

        Assert.Contains("    a();\n    b();", woven, StringComparison.Ordinal);
    }

    [Fact]
    public void Synchronous_methods_check_once_on_entry_not_after_each_statement()
    {
        var woven = Weave("int Twice(int x)\n{\n    var y = x;\n    return y * 2;\n}");

        Assert.Equal(1, CountChecks(woven));
    }

    [Fact]
    public void Weaving_adds_no_syntax_error_to_any_cell_of_the_shipped_workbooks()
    {
        var cells = Directory.GetFiles(RepoPaths.Notebooks, "*.ipynb")
            .SelectMany(path => NotebookDocument.Load(path).Cells.Where(c => c.IsCSharp).Select(c => (path, CellSource.Parse(c.Source).Code)))
            .ToList();
        Assert.NotEmpty(cells);

        foreach (var (path, code) in cells)
        {
            var before = Errors(code);
            var after = Errors(Weave(code));
            Assert.True(before == after, $"{Path.GetFileName(path)}: weaving changed {before} syntax errors to {after} in:\n{code}");
        }
    }

    private static int CountChecks(string code) => (code.Length - code.Replace(Check, "", StringComparison.Ordinal).Length) / Check.Length;

    private static int Errors(string code) =>
        CSharpSyntaxTree.ParseText(code, CSharpSession.ParseOptions).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
}
