using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Hub;

/// <summary><c>workbook grade --from-homes</c>: a hub's learners graded from their home folders, read-only.</summary>
public sealed class HomeFolderGradeTests
{
    private const string Stub = "throw new NotImplementedException(\"Your turn: write this part, then run the cell again.\");";

    [Fact]
    public async Task Grade_from_homes_copies_each_learners_notebook_and_writes_per_checkpoint_pass_rates_with_a_chart()
    {
        var (instructor, homes, classDir) = Class();
        var before = Snapshot(homes);

        var result = await CliRunner.Run("workbook", "grade", classDir, "--source", instructor, "--from-homes", homes);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Collected 3 notebooks", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing from dan", result.Stderr, StringComparison.Ordinal);
        var summary = await File.ReadAllLinesAsync(Path.Combine(classDir, "class-summary.csv"));
        Assert.Equal(["checkpoint,passed,learners,pass_rate", "fib of ten,1,3,0.333", "base cases,1,3,0.333"], summary);
        var html = await File.ReadAllTextAsync(Path.Combine(classDir, "class-summary.html"));
        Assert.Contains("learners passing each checkpoint", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        Assert.StartsWith("ada,1,1,2,2,", (await File.ReadAllLinesAsync(Path.Combine(classDir, "grades.csv")))[1], StringComparison.Ordinal);

        // The homes were only read: same files, same bytes, nothing added beside them.
        Assert.Equal(before, Snapshot(homes));
    }

    [Fact]
    public async Task Grade_from_homes_without_a_notebook_to_collect_says_which_option_names_it()
    {
        var (_, homes, classDir) = Class();

        var result = await CliRunner.Run("workbook", "grade", classDir, "--from-homes", homes);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from-homes needs --source or --notebook-path", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_from_homes_where_no_learner_has_the_notebook_is_bad_input()
    {
        var (instructor, homes, classDir) = Class();

        var result = await CliRunner.Run("workbook", "grade", classDir, "--source", instructor, "--from-homes", homes, "--notebook-path", "elsewhere/fib-workbook.ipynb");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no learner under", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Homes ada (right), bob (stub left), cy (wrong base case), dan (never opened the workbook).</summary>
    private static (string Instructor, string Homes, string ClassDir) Class()
    {
        var instructor = SampleNotebooks.CopyToTemp("fib-workbook.ipynb");
        var homes = Directory.CreateTempSubdirectory("perfnb-homes-").FullName;
        var released = PerfNotebooks.Workbooks.WorkbookRelease.Release(PerfNotebooks.Kernel.Notebooks.NotebookDocument.Load(instructor));
        var releasedPath = Path.Combine(homes, "released.ipynb");
        released.Save(releasedPath);
        var text = File.ReadAllText(releasedPath);
        File.Delete(releasedPath);
        foreach (var (learner, answer) in new[] { ("ada", "return n < 2 ? n : Fib(n - 1) + Fib(n - 2);"), ("bob", Stub), ("cy", "return n < 2 ? 1 : Fib(n - 1) + Fib(n - 2);") })
        {
            var folder = Directory.CreateDirectory(Path.Combine(homes, learner, "workbooks")).FullName;
            File.WriteAllText(Path.Combine(folder, "fib-workbook.ipynb"), text.Replace(Escaped(Stub), Escaped(answer), StringComparison.Ordinal));
        }

        Directory.CreateDirectory(Path.Combine(homes, "dan"));
        return (instructor, homes, Path.Combine(Directory.CreateTempSubdirectory("perfnb-class-").FullName, "class"));
    }

    private static string Escaped(string code) => code.Replace("\"", "\\\"", StringComparison.Ordinal);

    private static List<string> Snapshot(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => File.Exists(p) ? $"{p} {File.GetLastWriteTimeUtc(p).Ticks} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))}" : p)];
}
