using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Load;

[Trait("Category", "Live")]
public class LoadCliTests
{
    [Fact]
    public async Task Load_json_output_has_every_documented_field()
    {
        await using var server = new TinyHttpServer();

        var result = await CliRunner.Run("load", server.Url(), "-c", "2", "--duration", "1s", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        foreach (var field in new[] { "requests", "errors", "duration_s", "rps", "mode", "target_rate", "late", "dropped", "latency_ms", "percentiles", "time_series", "environment" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }

        foreach (var field in new[] { "p50", "p90", "p99", "p999", "max", "mean" })
        {
            Assert.True(root.GetProperty("latency_ms").TryGetProperty(field, out _), $"missing latency_ms.{field}");
        }

        foreach (var field in new[] { "connect", "read", "write", "timeout", "status", "total" })
        {
            Assert.True(root.GetProperty("errors").TryGetProperty(field, out _), $"missing errors.{field}");
        }

        foreach (var field in new[] { "cores", "os", "dotnet", "tool" })
        {
            Assert.True(root.GetProperty("environment").TryGetProperty(field, out _), $"missing environment.{field}");
        }

        Assert.Equal("closed", root.GetProperty("mode").GetString());
        Assert.True(root.GetProperty("requests").GetInt64() > 0);
    }

    [Fact]
    public async Task Load_with_rate_runs_open_loop_and_reports_the_target()
    {
        await using var server = new TinyHttpServer();

        var result = await CliRunner.Run("load", server.Url(), "--rate", "40", "--duration", "1s", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal("open", doc.RootElement.GetProperty("mode").GetString());
        Assert.Equal(40, doc.RootElement.GetProperty("target_rate").GetDouble());
    }

    [Fact]
    public async Task Load_with_a_bad_duration_is_bad_usage_naming_the_option()
    {
        var result = await CliRunner.Run("load", "http://127.0.0.1:1/", "--duration", "soon");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--duration 'soon'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_run_in_process_leaves_the_hosts_environment_as_it_was()
    {
        // perfnb load runs socket continuations inline only as its own process: a host (these tests) would pass the
        // setting to every process it starts, and a child doing sync-over-async I/O on an epoll thread hangs.
        await CliRunner.Run("load", "http://127.0.0.1:1/", "--duration", "1s");

        Assert.Null(Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"));
    }

    [Fact]
    public async Task Load_against_nothing_listening_fails_with_exit_code_1()
    {
        int port;
        await using (var server = new TinyHttpServer())
        {
            port = server.Port;
        }

        var result = await CliRunner.Run("load", $"http://127.0.0.1:{port}/", "--duration", "1s");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not connect", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_against_a_second_url_prints_a_before_after_verdict_as_json()
    {
        await using var server = new TinyHttpServer();

        var result = await CliRunner.Run("load", server.Url(), "--against", server.Url("/sleep/20"), "--runs", "5", "-c", "1", "--duration", "300ms", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(5, doc.RootElement.GetProperty("before_runs").GetArrayLength());
        Assert.Equal(5, doc.RootElement.GetProperty("after_runs").GetArrayLength());
        var p50 = doc.RootElement.GetProperty("metrics").EnumerateArray().First(m => m.GetProperty("metric").GetString() == "p50");
        Assert.True(p50.GetProperty("significant").GetBoolean(), result.Stdout);
    }

    [Fact]
    public async Task Bench_exports_hyperfine_json_to_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"perfnb-bench-{Guid.NewGuid():N}.json");
        try
        {
            var result = await CliRunner.Run("bench", "true", "--runs", "2", "--warmup", "0", "--export-json", path);

            Assert.Equal(0, result.ExitCode);
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal("true", doc.RootElement.GetProperty("results")[0].GetProperty("command").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
