using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Tests.Servers;

public partial class ServeRuntimeTests
{
    [Theory]
    [InlineData("go")]
    [InlineData("node")]
    public async Task Serve_with_a_runtime_runs_that_runtime_server_and_stops_it_on_sigterm(string runtime)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "perfnb.dll"), "serve", "cpu-hotspot", "--runtime", runtime, "--fixed" })
        {
            start.ArgumentList.Add(argument);
        }

        using var perfnb = Process.Start(start)!;
        var stderr = perfnb.StandardError.ReadToEndAsync();
        // Long enough for a first-use build of the Go binary or npm ci on a loaded machine.
        var line = await perfnb.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(8));
        var match = ServeLine().Match(line ?? "");
        Assert.True(match.Success, $"unexpected first line '{line}'; stderr: {(perfnb.HasExited ? await stderr : "")}");
        using var server = Process.GetProcessById(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture));
        using (var http = new HttpClient())
        {
            var health = JsonDocument.Parse(await http.GetStringAsync(new Uri(new Uri(match.Groups["url"].Value), "/health"))).RootElement;
            Assert.Equal(runtime, health.GetProperty("runtime").GetString());
            Assert.Equal("fixed", health.GetProperty("mode").GetString());
        }

        Assert.Contains($", {runtime}; try /cpu-intense", line, StringComparison.Ordinal);
        Assert.Equal(0, Kill(perfnb.Id, 15 /* SIGTERM */));
        await perfnb.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(server.WaitForExit(30_000), $"the {runtime} server process outlived perfnb serve");
    }

    [GeneratedRegex(@"^(?<url>http://127\.0\.0\.1:\d+/) pid (?<pid>\d+) ")]
    private static partial Regex ServeLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
