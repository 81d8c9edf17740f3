using PerfNotebooks.Load;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Load;

/// <summary>One duration syntax for the CLI, the sample servers and notebooks (PerfNotebooks.DurationText).</summary>
[Trait("Category", "Deterministic")]
public class DurationSyntaxTests
{
    [Theory]
    [InlineData("250us", 0.25)]
    [InlineData("2ms", 2)]
    [InlineData("1.5s", 1500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("0", 0)]
    [InlineData(" 10S ", 10_000)]
    public void Durations_are_a_number_and_a_unit(string text, double ms)
    {
        Assert.Equal(ms, Durations.Parse(text)!.Value.TotalMilliseconds, precision: 6);
    }

    [Theory]
    [InlineData("10")] // bare: seconds to the load command, milliseconds to the server, before
    [InlineData("-1s")]
    [InlineData("1.5 s")]
    [InlineData("5 minutes")]
    [InlineData("NaN")]
    [InlineData("1d")]
    public void Anything_else_is_not_a_duration(string text)
    {
        Assert.Null(Durations.Parse(text));
    }

    [Theory]
    [InlineData("load http://127.0.0.1:1/ --duration 10")]
    [InlineData("profile --pid 1 --duration 5")]
    [InlineData("serve n-plus-one --db-latency 2")]
    public async Task Every_command_refuses_a_bare_number_naming_the_syntax(string commandLine)
    {
        var result = await CliRunner.Run(commandLine.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a number and a unit", result.Stderr, StringComparison.Ordinal);
    }
}
