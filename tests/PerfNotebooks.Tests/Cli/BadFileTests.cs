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
}
