using System.Globalization;
using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Cli;

/// <summary>The README's contract: 0 ok, 1 the work failed (partial results and failing commands included), 2 bad usage.</summary>
[Trait("Category", "Live")]
public class WorkFailedExitTests
{
    [Fact]
    public async Task Load_with_no_successful_request_exits_1_naming_the_errors_and_reports_no_latency()
    {
        await using var server = new TinyHttpServer();

        var result = await CliRunner.Run("load", server.Url("/hang"), "-c", "2", "--duration", "1s", "--timeout", "300ms", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no successful requests", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("timeout", result.Stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("latency_ms").ValueKind);
    }

    [Fact]
    public async Task Load_against_a_server_that_never_answers_exits_1()
    {
        await using var server = new TinyHttpServer();

        var result = await CliRunner.Run("load", server.Url(), "--against", server.Url("/hang"), "--runs", "2", "-c", "1", "--duration", "500ms", "--timeout", "200ms");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no successful requests", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_of_a_failing_command_exits_1_naming_it()
    {
        var result = await CliRunner.Run("bench", "exit 3", "--runs", "2", "--warmup", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'exit 3' failed in 2 of 2 runs (exit 3)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("exit 3", result.Stdout, StringComparison.Ordinal); // the timings are still printed
    }

    [Fact]
    public async Task Profile_of_a_target_that_exits_mid_session_prints_it_and_exits_1()
    {
        // It lives 6 s after saying ready: long enough to be attached to on a loaded machine, well inside the 20 s asked.
        using var target = await ProfilingTarget.Start("cpu", seconds: 6);

        var result = await CliRunner.Run("profile", "--pid", target.Pid.ToString(CultureInfo.InvariantCulture), "--duration", "20s");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("exited", result.Stderr, StringComparison.Ordinal);
        Assert.NotEmpty(result.Stdout);
    }
}
