using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Cli;

[Trait("Category", "Deterministic")]
public class BadFileTests
{
    [Theory]
    [InlineData("""{"cells": [{"cell_type": "code", "source": 5}], "metadata": {}, "nbformat": 4}""")]
    [InlineData("""{"cells": [{"cell_type": "code", "source": "1", "execution_count": "one"}]}""")]
    [InlineData("""{"cells": [""")]
    public async Task A_malformed_notebook_is_bad_usage_in_one_line(string json)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfnb-badnb-").FullName, "bad.ipynb");
        File.WriteAllText(path, json);

        var result = await CliRunner.Run("run", path, "--quiet");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad.ipynb", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_given_as_the_notebook_is_named_a_folder_in_one_line()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-notebook-folder-").FullName;

        var result = await CliRunner.Run("run", folder, "--quiet");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{folder}' is a folder", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notebook_file_given_to_workbook_run_points_at_perfnb_run()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfnb-notebook-file-").FullName, "mine.ipynb");
        File.WriteAllText(path, """{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");

        var result = await CliRunner.Run("workbook", "run", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"./perfnb run {path}", result.Stderr, StringComparison.Ordinal);
    }
}
