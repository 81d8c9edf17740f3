using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Tests.Workbooks;

/// <summary>
/// A learner's choice in the parameters cell (workbook 03's runtime = "go") is what their sealed notebook runs with:
/// read as a literal, never run, and the instructor's class-wide --param wins.
/// </summary>
public class SealedParametersTests
{
    private static NotebookDocument Instructor() => NotebookDocument.Load(SampleNotebooks.Path("sides-workbook.ipynb"));

    private static NotebookDocument LearnerWith(string parameters)
    {
        var learner = WorkbookRelease.Release(Instructor());
        learner.Cells.Single(c => c.Id == "params").Source = parameters;
        return learner;
    }

    private static NotebookCell? Injected(SealedNotebook composed) =>
        composed.Notebook.Cells.SingleOrDefault(c => c.Metadata["tags"]?.ToJsonString().Contains(NotebookParameters.InjectedTag, StringComparison.Ordinal) == true);

    [Fact]
    public void The_learners_chosen_value_is_injected_right_after_the_instructors_parameters_cell()
    {
        var composed = SealedNotebook.Compose(Instructor(), LearnerWith("var side = \"right\";\nvar rounds = 2;"));

        var cells = composed.Notebook.Cells;
        var injected = Injected(composed);
        Assert.NotNull(injected);
        Assert.Equal(cells.FindIndex(c => c.Id == "params") + 1, cells.IndexOf(injected));
        Assert.Equal("// Injected parameters (--param)\nstring side = \"right\";", injected.Source);
        Assert.Empty(composed.Problems);
    }

    [Fact]
    public void A_learner_who_kept_the_defaults_gets_no_injected_cell()
    {
        var composed = SealedNotebook.Compose(Instructor(), LearnerWith("var side = \"left\";   // or \"right\"\nvar rounds = 2;"));

        Assert.Null(Injected(composed));
        Assert.Empty(composed.Problems);
    }

    [Fact]
    public void A_value_that_is_code_is_not_taken_and_the_learners_row_says_so()
    {
        var composed = SealedNotebook.Compose(Instructor(), LearnerWith("var side = System.IO.File.ReadAllText(\"/etc/hostname\");\nvar rounds = 2;"));

        Assert.Null(Injected(composed));
        Assert.Contains("parameter 'side': the parameters cell sets it to code, not a literal; graded with the workbook's default", composed.Problems);
        Assert.DoesNotContain(composed.Notebook.Cells, c => c.Source.Contains("/etc/hostname", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_its_type_cannot_hold_is_graded_with_the_defaults_and_named()
    {
        var composed = SealedNotebook.Compose(Instructor(), LearnerWith("var side = \"right\";\nvar rounds = 2.5;"));

        Assert.Null(Injected(composed));
        Assert.Contains(composed.Problems, p => p.StartsWith("parameters: rounds=2.5: the workbook's 'rounds' is an int", StringComparison.Ordinal));
    }

    [Fact]
    public void The_class_wide_value_wins_over_the_learners()
    {
        var composed = SealedNotebook.Compose(Instructor(), LearnerWith("var side = \"right\";\nvar rounds = 3;"), [new("side", "left")]);

        Assert.Equal("// Injected parameters (--param)\nstring side = \"left\";\nint rounds = 3;", Injected(composed)?.Source);
    }

    [Fact]
    public void A_class_wide_name_the_workbook_does_not_declare_is_bad_input_naming_its_parameters()
    {
        var error = Assert.Throws<BadInputException>(() => SealedNotebook.Compose(Instructor(), LearnerWith("var side = \"left\";"), [new("runtime", "go")]));

        Assert.Contains("has no parameter 'runtime'; its parameters: side, rounds", error.Message, StringComparison.Ordinal);
    }
}
