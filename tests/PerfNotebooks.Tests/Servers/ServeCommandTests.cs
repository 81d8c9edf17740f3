using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

[Trait("Category", "Live")]
public partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_with_an_unknown_scenario_exits_2_listing_the_scenarios()
    {
        var result = await CliRunner.Run("serve", "n-plus-two");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("n-plus-two", line, StringComparison.Ordinal);
        Assert.Contains("cpu-hotspot, n-plus-one, memory-leak, connection-leak, threadpool-starvation, lock-contention, allocation-heavy", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_bad_db_latency_exits_2_naming_the_option()
    {
        var result = await CliRunner.Run("serve", "n-plus-one", "--db-latency", "fast");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--db-latency 'fast'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_prints_url_and_pid_on_one_line_and_stops_cleanly_on_sigterm()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(PerfnbDll());
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("n-plus-one");
        start.ArgumentList.Add("--fixed");
        using var perfnb = Process.Start(start)!;
        var stderr = perfnb.StandardError.ReadToEndAsync();
        var line = await perfnb.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
        var match = ServeLine().Match(line ?? "");
        Assert.True(match.Success, $"unexpected first line '{line}'; stderr: {(perfnb.HasExited ? await stderr : "")}");
        using var server = Process.GetProcessById(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture));
        using (var http = new HttpClient())
        {
            var health = await http.GetStringAsync(new Uri(new Uri(match.Groups["url"].Value), "/health"));
            Assert.Contains("\"mode\":\"fixed\"", health, StringComparison.Ordinal);
        }

        Assert.Equal(0, Kill(perfnb.Id, 15 /* SIGTERM */));
        await perfnb.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, perfnb.ExitCode);
        Assert.True(server.WaitForExit(30_000), "the server process outlived perfnb serve");
    }

    private static string PerfnbDll()
    {
        // The test project references the CLI, so perfnb.dll (and its runtimeconfig) sit next to the tests.
        var beside = Path.Combine(AppContext.BaseDirectory, "perfnb.dll");
        Assert.True(File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")), "perfnb.runtimeconfig.json missing next to the tests");
        return beside;
    }

    [GeneratedRegex(@"^(?<url>http://127\.0\.0\.1:\d+/) pid (?<pid>\d+) ")]
    private static partial Regex ServeLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
