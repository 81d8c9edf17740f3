using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Workbooks;

public class WorkbookCommandTests
{
    [Fact]
    public async Task Release_turns_solutions_into_stubs_and_removes_hidden_checks()
    {
        var instructor = SampleNotebooks.CopyToTemp("fib-workbook.ipynb");
        var learner = Path.Combine(Path.GetDirectoryName(instructor)!, "learner.ipynb");

        var result = await CliRunner.Run("workbook", "release", instructor, "--output", learner);

        Assert.Equal(0, result.ExitCode);
        var cells = NotebookDocument.Load(learner).Cells;
        Assert.Contains("// YOUR CODE HERE", cells[1].Source, StringComparison.Ordinal);
        Assert.DoesNotContain("Fib(n - 1)", cells[1].Source, StringComparison.Ordinal);
        Assert.DoesNotContain("base cases", cells[2].Source, StringComparison.Ordinal);
        Assert.Contains("fib of ten", cells[2].Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_rejects_an_unclosed_solution_region_naming_the_cell()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-wb-").FullName;
        var bad = Path.Combine(folder, "bad.dib");
        await File.WriteAllTextAsync(bad, "#!csharp\n\nvar a = 1;\n\n#!csharp\n\n// BEGIN SOLUTION\nvar b = 2;\n");

        var result = await CliRunner.Run("workbook", "release", bad, "--output", Path.Combine(folder, "out.ipynb"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cell 2", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("never closed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_scores_a_class_of_three_learners_with_hidden_checks_restored()
    {
        var instructor = SampleNotebooks.CopyToTemp("fib-workbook.ipynb");
        var classDir = Directory.CreateTempSubdirectory("perfnb-class-").FullName;
        var released = Path.Combine(classDir, "released.ipynb");
        Assert.Equal(0, (await CliRunner.Run("workbook", "release", instructor, "--output", released)).ExitCode);
        var stub = "throw new NotImplementedException(\"Your turn: write this part, then run the cell again.\");";
        Learner(released, classDir, "ada", stub, "return n < 2 ? n : Fib(n - 1) + Fib(n - 2);");
        Learner(released, classDir, "bob", stub, stub);
        Learner(released, classDir, "cy", stub, "return n < 2 ? 1 : Fib(n - 1) + Fib(n - 2);");
        File.Delete(released);

        var result = await CliRunner.Run("workbook", "grade", classDir, "--source", instructor);

        Assert.Equal(0, result.ExitCode);
        var csv = await File.ReadAllLinesAsync(Path.Combine(classDir, "grades.csv"));
        Assert.Equal("learner,fib of ten,base cases,passed,total,first_failure", csv[0]);
        Assert.StartsWith("ada,1,1,2,2,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("bob,0,0,0,2,cell 3", csv[2], StringComparison.Ordinal);
        Assert.StartsWith("cy,0,0,0,2,", csv[3], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(classDir, "grades.ipynb")));
    }

    [Fact]
    public async Task Run_of_an_unknown_workbook_lists_the_ones_that_exist()
    {
        var result = await CliRunner.Run("workbook", "run", "no-such-workbook");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no workbook named 'no-such-workbook'", result.Stderr, StringComparison.Ordinal);
    }

    private static void Learner(string released, string classDir, string name, string stub, string answer)
    {
        var folder = Directory.CreateDirectory(Path.Combine(classDir, name)).FullName;
        var text = File.ReadAllText(released).Replace(stub.Replace("\"", "\\\"", StringComparison.Ordinal), answer.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "fib-workbook.ipynb"), text);
    }
}
