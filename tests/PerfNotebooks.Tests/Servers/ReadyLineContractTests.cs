using System.Diagnostics;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Servers;

/// <summary>
/// Every runtime's server prints the one ready line of the shared contract (PerfNotebooks.Contracts' ReadyLine):
/// the same facts in the same order, in exactly the text ReadyLine.Format writes. Real server processes.
/// </summary>
[Trait("Category", "Live")]
public class ReadyLineContractTests
{
    private static readonly string[] Facts =
        ["pid", "scenario", "mode", "db", "users", "orders", "seed_ms", "seed_cpu_ms", "ready_ms", "runtime", "runtime_version", "exercise", "exercise_key"];

    [Theory]
    [InlineData("dotnet", "cpu-hotspot", "PrimeCount.cs")]
    [InlineData("go", "cpu-hotspot", "primes.go")]
    [InlineData("node", "cpu-hotspot", "cpu-hotspot.js")]
    [InlineData("go", "n-plus-one", "userswithorders.go")]
    [InlineData("node", "n-plus-one", "n-plus-one.js")]
    public async Task The_servers_ready_line_parses_with_ReadyLine_and_reads_as_ReadyLine_Format_writes_it(string runtime, string scenario, string exercise)
    {
        var (text, pid) = await FirstReadyLine(runtime, scenario);

        var line = ReadyLine.TryParse(text);

        Assert.True(line is not null, $"not a ready line: '{text}'");
        Assert.Equal(Facts, line.Facts.Keys);
        Assert.Equal(text, ReadyLine.Format(line.Url, line.Pid, line.Facts.Where(f => f.Key != "pid")));
        Assert.Equal(pid, line.Pid);
        Assert.Equal("127.0.0.1", line.Url.Host);
        Assert.Equal((scenario, "buggy", "sqlite", runtime, exercise), (line.Text("scenario"), line.Text("mode"), line.Text("db"), line.Text("runtime"), line.Text("exercise")));
        Assert.Matches(@"^[0-9]+\.[0-9]+(\.[0-9]+)?$", line.Text("runtime_version"));
        Assert.Equal(5000, line.Number("users"));
        Assert.True(line.Number("ready_ms") >= line.Number("seed_ms"), text);
        Assert.Matches("^[0-9a-f]{64}$", line.Text("exercise_key"));
    }

    /// <summary>Starts the server as SampleServer does, returns its first line that starts like a ready line, and stops it.</summary>
    private static async Task<(string Line, int Pid)> FirstReadyLine(string runtime, string scenario)
    {
        var start = await ServerCommandLine.For(runtime, CancellationToken.None);
        foreach (var argument in new[] { scenario, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PERFNB_STOP_WITH_STDIN"] = "1";
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(SampleServer.StartTimeout);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("http://", StringComparison.Ordinal))
                {
                    return (line, process.Id);
                }
            }

            throw new InvalidOperationException($"the {runtime} server exited without a ready line: {await process.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
