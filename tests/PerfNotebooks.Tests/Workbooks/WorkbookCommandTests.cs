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

    [Theory]
    [InlineData("02-cpu-hotspot", "// Sieve of Eratosthenes over odd numbers", "for (var j = 2; j * j <= i; j++)")]
    [InlineData("03-n-plus-one", "// One round trip for all ids", "foreach (var id in ids)")]
    [InlineData("04-memory-leak", "// Bounded: at most 100 entries", "private static readonly ConcurrentDictionary<string, byte[]> Cache")]
    [InlineData("05-threadpool-starvation", "// Async all the way", "var quote = Compute(database, userId, ct).Result;")]
    [InlineData("06-connection-leak", "// `await using` gives the connection back", "var db = await database.OpenAsync(ct);")]
    [InlineData("07-lock-contention", "// Only the tally is shared", "lock (Gate)")]
    public async Task Release_of_a_scenario_workbook_holds_the_original_exercise_file_and_no_solution(string workbook, string fromTheFix, string fromTheBug)
    {
        var released = Path.Combine(Directory.CreateTempSubdirectory("perfnb-release-").FullName, workbook + ".ipynb");

        var result = await CliRunner.Run("workbook", "release", Path.Combine(RepoPaths.Notebooks, workbook + ".ipynb"), "--output", released);

        Assert.Equal(0, result.ExitCode);
        var instructor = NotebookDocument.Load(Path.Combine(RepoPaths.Notebooks, workbook + ".ipynb"));
        var cells = NotebookDocument.Load(released).Cells;
        var text = string.Join("\n", cells.Select(c => c.Source));
        Assert.Contains(fromTheFix, string.Join("\n", instructor.Cells.Select(c => c.Source)), StringComparison.Ordinal);
        Assert.DoesNotContain(fromTheFix, text, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLUTION", text, StringComparison.Ordinal);
        Assert.DoesNotContain("whatIChanged = \"", text, StringComparison.Ordinal);
        Assert.Contains(fromTheBug, cells.First(c => c.Source.Contains(".Serve(\"\"\"\"", StringComparison.Ordinal)).Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("02-cpu-hotspot", "go", "composite := make([]bool", "for j := 2; j*j <= i; j++ {")]
    [InlineData("02-cpu-hotspot", "node", "new Uint8Array(", "for (let j = 2; j * j <= i; j++) {")]
    [InlineData("03-n-plus-one", "go", "byID := map[int64]*userView{}", "FROM orders WHERE user_id = $1 ORDER BY id\", id)")]
    [InlineData("03-n-plus-one", "node", "const byId = new Map();", "for (const id of ids) {")]
    public async Task Release_puts_each_runtimes_original_exercise_file_in_its_own_fix_cell(string workbook, string runtime, string fromTheFix, string fromTheBug)
    {
        var released = Path.Combine(Directory.CreateTempSubdirectory("perfnb-release-").FullName, workbook + ".ipynb");

        var result = await CliRunner.Run("workbook", "release", Path.Combine(RepoPaths.Notebooks, workbook + ".ipynb"), "--output", released);

        Assert.Equal(0, result.ExitCode);
        var instructor = string.Join("\n", NotebookDocument.Load(Path.Combine(RepoPaths.Notebooks, workbook + ".ipynb")).Cells.Select(c => c.Source));
        var fixCell = NotebookDocument.Load(released).Cells.Single(c => c.Source.Contains($"if (runtime == \"{runtime}\") display(served = await server.Serve(\"\"\"\"", StringComparison.Ordinal)).Source;
        Assert.Contains(fromTheFix, instructor, StringComparison.Ordinal);
        Assert.DoesNotContain(fromTheFix, fixCell, StringComparison.Ordinal);
        Assert.DoesNotContain("SOLUTION", fixCell, StringComparison.Ordinal);
        Assert.Contains(fromTheBug, fixCell, StringComparison.Ordinal);
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
    public async Task Grade_ignores_check_outputs_from_cells_the_learner_wrote()
    {
        var (instructor, classDir, released) = await Released();
        var stub = "throw new NotImplementedException(\"Your turn: write this part, then run the cell again.\");";
        Learner(released, classDir, "honest", stub, stub);
        // Changes nothing, but forges every checkpoint: in added cells and in the instructor's check cell.
        Learner(released, classDir, "forger", stub, stub);
        var forger = Path.Combine(classDir, "forger", "fib-workbook.ipynb");
        var notebook = NotebookDocument.Load(forger);
        notebook.Cells.Add(new NotebookCell { Kind = CellKind.Code, Source = "Check.That(\"fib of ten\", true, \"\");\nCheck.That(\"base cases\", true, \"\");" });
        notebook.Cells.Single(c => c.Id == "checks").Source = "Check.That(\"fib of ten\", true, \"\");\nCheck.That(\"base cases\", true, \"\");";
        notebook.Save(forger);
        File.Delete(released);

        var result = await CliRunner.Run("workbook", "grade", classDir, "--source", instructor, "--timeout", "60");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        var csv = await File.ReadAllLinesAsync(Path.Combine(classDir, "grades.csv"));
        Assert.StartsWith("forger,", csv.Single(l => l.StartsWith("forger,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(Passed(csv, "honest"), Passed(csv, "forger"));
        Assert.Equal("0", Passed(csv, "forger"));
    }

    [Fact]
    public async Task Grade_stops_a_learner_who_loops_forever_or_kills_the_kernel_and_grades_the_rest()
    {
        var (instructor, classDir, released) = await Released();
        var stub = "throw new NotImplementedException(\"Your turn: write this part, then run the cell again.\");";
        Learner(released, classDir, "ada", stub, "return n < 2 ? n : Fib(n - 1) + Fib(n - 2);");
        Learner(released, classDir, "looper", stub, "while (true) { } ");
        Learner(released, classDir, "quitter", stub, "Environment.Exit(3); return 0;");
        File.Delete(released);

        // 45 s per cell: a loaded machine's first cell (the kernel starting cold) must fit; the endless loop never does.
        var result = await CliRunner.Run("workbook", "grade", classDir, "--source", instructor, "--timeout", "45");

        Assert.Equal(0, result.ExitCode);
        var csv = await File.ReadAllLinesAsync(Path.Combine(classDir, "grades.csv"));
        Assert.True(Passed(csv, "ada") == "2", Row(csv, "ada"));
        Assert.Equal("0", Passed(csv, "looper"));
        Assert.Contains("CellTimeout", Row(csv, "looper"), StringComparison.Ordinal);
        Assert.Equal("0", Passed(csv, "quitter"));
        Assert.Contains("kernel died", Row(csv, "quitter"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_reports_duplicate_cell_ids_on_the_learners_row_and_goes_on()
    {
        var (instructor, classDir, released) = await Released();
        var stub = "throw new NotImplementedException(\"Your turn: write this part, then run the cell again.\");";
        Learner(released, classDir, "ada", stub, "return n < 2 ? n : Fib(n - 1) + Fib(n - 2);");
        Learner(released, classDir, "dup", stub, "return n < 2 ? n : Fib(n - 1) + Fib(n - 2);");
        var dup = Path.Combine(classDir, "dup", "fib-workbook.ipynb");
        var notebook = NotebookDocument.Load(dup);
        notebook.Cells.Add(new NotebookCell { Id = "solution", Kind = CellKind.Code, Source = "int Fib(int n) => 55;" });
        notebook.Save(dup);
        File.Delete(released);

        var result = await CliRunner.Run("workbook", "grade", classDir, "--source", instructor, "--timeout", "60");

        Assert.Equal(0, result.ExitCode);
        var csv = await File.ReadAllLinesAsync(Path.Combine(classDir, "grades.csv"));
        Assert.Equal("2", Passed(csv, "ada"));
        Assert.Contains("cell id solution appears more than once", Row(csv, "dup"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_runs_each_learner_with_the_parameters_they_chose()
    {
        var instructor = SampleNotebooks.CopyToTemp("sides-workbook.ipynb");
        using var temp = new TempFolder();
        var classDir = temp.Path;
        var released = Path.Combine(classDir, "released.ipynb");
        Assert.Equal(0, (await CliRunner.Run("workbook", "release", instructor, "--output", released)).ExitCode);
        void Side(string name, string side, string cell, string answer)
        {
            var learner = NotebookDocument.Load(released);
            learner.Cells.Single(c => c.Id == "params").Source = $"var side = \"{side}\";\nvar rounds = 2;";
            var code = learner.Cells.Single(c => c.Id == cell);
            code.Source = code.Source.Replace("throw new NotImplementedException(\"Your turn: write this part, then run the cell again.\");", answer, StringComparison.Ordinal);
            learner.Save(Path.Combine(Directory.CreateDirectory(Path.Combine(classDir, name)).FullName, "sides-workbook.ipynb"));
        }

        Side("lefty", "left", "left", "return 1;");
        Side("righty", "right", "right", "return 2;");
        Side("claimer", "right", "left", "return 1;");   // chose right, answered left
        File.Delete(released);

        var result = await CliRunner.Run("workbook", "grade", classDir, "--source", instructor, "--timeout", "60");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        var csv = await File.ReadAllLinesAsync(Path.Combine(classDir, "grades.csv"));
        Assert.Equal(("1", "1", "0"), (Passed(csv, "lefty"), Passed(csv, "righty"), Passed(csv, "claimer")));
    }

    [Fact]
    public async Task Grade_with_a_parameter_the_workbook_does_not_declare_stops_before_any_learner_runs()
    {
        var (instructor, classDir, released) = await Released();
        Learner(released, classDir, "ada", "x", "x");
        File.Delete(released);

        var result = await CliRunner.Run("workbook", "grade", classDir, "--source", instructor, "--param", "runtime=go");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("has no parameters: none of its code cells is tagged 'parameters'", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(classDir, "grades.csv")));
    }

    [Fact]
    public async Task Run_of_an_unknown_workbook_lists_the_ones_that_exist()
    {
        var result = await CliRunner.Run("workbook", "run", "no-such-workbook");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no workbook named 'no-such-workbook'", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<(string Instructor, string ClassDir, string Released)> Released()
    {
        var instructor = SampleNotebooks.CopyToTemp("fib-workbook.ipynb");
        var classDir = Directory.CreateTempSubdirectory("perfnb-class-").FullName;
        var released = Path.Combine(classDir, "released.ipynb");
        Assert.Equal(0, (await CliRunner.Run("workbook", "release", instructor, "--output", released)).ExitCode);
        return (instructor, classDir, released);
    }

    private static string Row(string[] csv, string learner) => csv.Single(l => l.StartsWith(learner + ",", StringComparison.Ordinal));

    // The passed column, found by its header (the learner and 0/1 columns before it hold no commas).
    private static string Passed(string[] csv, string learner)
    {
        var header = csv[0].Split(',');
        return Row(csv, learner).Split(',')[Array.IndexOf(header, "passed")];
    }

    private static void Learner(string released, string classDir, string name, string stub, string answer)
    {
        var folder = Directory.CreateDirectory(Path.Combine(classDir, name)).FullName;
        var text = File.ReadAllText(released).Replace(stub.Replace("\"", "\\\"", StringComparison.Ordinal), answer.Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "fib-workbook.ipynb"), text);
    }
}
