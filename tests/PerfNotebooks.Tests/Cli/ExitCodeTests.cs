using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Cli;

public class ExitCodeTests
{
    [Fact]
    public async Task Help_exits_zero_and_describes_the_tool()
    {
        var result = await CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PerfNotebooks", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_exits_zero_and_prints_a_version()
    {
        var result = await CliRunner.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\d+\.\d+\.\d+", result.Stdout);
    }

    [Fact]
    public async Task Unknown_command_is_bad_usage_with_a_one_line_error()
    {
        var result = await CliRunner.Run("no-such-command");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no-such-command", line, StringComparison.Ordinal);
        Assert.Contains("--help", line, StringComparison.Ordinal);
    }
}
