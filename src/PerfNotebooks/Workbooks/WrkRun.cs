using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Workbooks;

/// <summary>
/// A second opinion from wrk, the peer load generator: <c>var peer = await WrkRun.Measure(url);</c> is null when
/// wrk is not installed (scripts/prereqs.sh installs it), so workbooks can skip the cross-check instead of failing.
/// </summary>
public sealed partial record WrkRun(string Version, double P50Ms, double P99Ms, double RequestsPerSecond, long Requests, long Errors)
{
    /// <summary>"wrk 4.1.0": how a claim names the tool.</summary>
    public string Tool => "wrk " + Version;

    /// <summary>Runs <c>wrk -t1 -cN -dS --latency url</c>; null when wrk is not on PATH.</summary>
    public static async Task<WrkRun?> Measure(string url, int connections = 10, int seconds = 2, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var version = await Output(["-v"], ct);
        if (version is null)
        {
            return null;
        }

        var text = await Output(["-t1", "-c" + connections.ToString(CultureInfo.InvariantCulture), "-d" + seconds.ToString(CultureInfo.InvariantCulture) + "s", "--latency", url], ct)
            ?? throw new WorkFailedException("wrk stopped answering between two runs");
        var p50 = Percentile(text, "50%");
        var p99 = Percentile(text, "99%");
        var rps = RateLine().Match(text);
        if (p50 is null || p99 is null || !rps.Success)
        {
            throw new WorkFailedException($"could not read wrk's report for {url}: {text.Trim()}");
        }

        var total = TotalLine().Match(text);
        var non2xx = Non2xxLine().Match(text);
        var socket = SocketErrorLine().Match(text);
        var errors = (non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            + (socket.Success ? socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0);
        return new WrkRun(
            VersionNumber().Match(version).Value, p50.Value, p99.Value, double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            total.Success ? long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) : 0, errors);
    }

    /// <summary>Share of requests that failed (non-2xx/3xx replies and socket errors), 0–100.</summary>
    public double ErrorPercent => Requests == 0 ? 0 : Math.Min(100, 100.0 * Errors / Requests);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Tool}: p50 {P50Ms:0.###} ms, p99 {P99Ms:0.###} ms, {RequestsPerSecond:0.#} req/s, {Errors} errors in {Requests} requests");

    private static double? Percentile(string report, string label)
    {
        var line = report.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal));
        var match = line is null ? Match.Empty : Duration().Match(line[label.Length..]);
        if (!match.Success)
        {
            return null;
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => number / 1000, "ms" => number, "s" => number * 1000, "m" => number * 60_000, _ => number };
    }

    private static async Task<string?> Output(IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return await stdout + await stderr;
        }
        catch (Win32Exception)
        {
            return null; // not installed
        }
    }

    [GeneratedRegex(@"^\s*([0-9.]+)(us|ms|s|m)\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"Requests/sec:\s*([0-9.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s*(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorLine();

    [GeneratedRegex(@"\d+\.\d+(\.\d+)?")]
    private static partial Regex VersionNumber();
}
