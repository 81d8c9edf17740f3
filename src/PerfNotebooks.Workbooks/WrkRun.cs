using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Workbooks;

/// <summary>
/// A second opinion from wrk, the peer load generator: <c>var peer = await WrkRun.Measure(url);</c> is null when
/// wrk is not installed (scripts/prereqs.sh installs it), so workbooks can skip the cross-check instead of failing.
/// wrk leaves timed-out and unanswered requests out of its percentiles; this record puts them back as lower bounds
/// (<see cref="P99AtLeast"/>) so a server that stops answering never reads as fast.
/// </summary>
public sealed partial record WrkRun(string Version, double P50Ms, double P99Ms, double RequestsPerSecond, long Requests, long Errors)
{
    /// <summary>"wrk 4.1.0": how a claim names the tool.</summary>
    public string Tool => "wrk " + Version;

    /// <summary>Socket errors wrk counted, by kind.</summary>
    public long ConnectErrors { get; init; }

    public long ReadErrors { get; init; }

    public long WriteErrors { get; init; }

    public long Timeouts { get; init; }

    /// <summary>Replies with a status of 400 or more.</summary>
    public long Non2xx { get; init; }

    /// <summary>True when <see cref="P50Ms"/> is a lower bound (at least half the requests timed out or never got a reply).</summary>
    public bool P50AtLeast { get; init; }

    /// <summary>True when <see cref="P99Ms"/> is a lower bound (over 1% of requests timed out or never got a reply).</summary>
    public bool P99AtLeast { get; init; }

    /// <summary>Runs <c>wrk -t1 -cN -dS --timeout T --latency url</c>; null when wrk is not on PATH.</summary>
    public static async Task<WrkRun?> Measure(string url, int connections = 10, int seconds = 2, CancellationToken ct = default, double timeoutSeconds = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var version = await Output(["-v"], ct);
        if (version is null)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var text = await Output(["-t1", "-c" + connections.ToString(c), "-d" + seconds.ToString(c) + "s", "--timeout", timeoutSeconds.ToString(c) + "s", "--latency", url], ct)
            ?? throw new WorkFailedException("wrk stopped answering between two runs");
        return Read(version, text, url, TimeSpan.FromSeconds(timeoutSeconds));
    }

    /// <summary>Reads a wrk <c>--latency</c> report, recognising empty runs, timeouts and socket errors.</summary>
    internal static WrkRun Read(string versionText, string report, string url, TimeSpan timeout)
    {
        var c = CultureInfo.InvariantCulture;
        if (report.Contains("unable to connect", StringComparison.Ordinal))
        {
            throw new WorkFailedException($"wrk could not connect to {url}: {report.Trim()}");
        }

        var p50 = Percentile(report, "50%");
        var p99 = Percentile(report, "99%");
        var rps = RateLine().Match(report);
        var total = TotalLine().Match(report);
        if (p50 is null || p99 is null || !rps.Success || !total.Success)
        {
            throw new WorkFailedException($"could not read wrk's report for {url}: {report.Trim()}");
        }

        var requests = long.Parse(total.Groups[1].Value, c);
        var runSeconds = double.Parse(total.Groups[2].Value, c) * (total.Groups[3].Value == "m" ? 60 : total.Groups[3].Value == "ms" ? 0.001 : 1);
        var non2xx = Non2xxLine().Match(report) is { Success: true } n ? long.Parse(n.Groups[1].Value, c) : 0;
        var socket = SocketErrorLine().Match(report);
        long Socket(int group) => socket.Success ? long.Parse(socket.Groups[group].Value, c) : 0;
        var (connect, read, write, timeouts) = (Socket(1), Socket(2), Socket(3), Socket(4));
        var socketErrors = connect + read + write + timeouts;

        var version = VersionNumber().Match(versionText).Value;
        var run = new WrkRun(version, p50.Value, p99.Value, double.Parse(rps.Groups[1].Value, c), requests, non2xx + socketErrors)
        {
            ConnectErrors = connect,
            ReadErrors = read,
            WriteErrors = write,
            Timeouts = timeouts,
            Non2xx = non2xx,
        };

        if (requests == 0)
        {
            if (socketErrors > 0)
            {
                throw new WorkFailedException($"wrk got no reply from {url}: socket errors connect {connect}, read {read}, write {write}, timeout {timeouts}");
            }

            // No reply in the whole run and no error: every request waited at least that long. wrk prints 0 us
            // for an empty histogram; the honest figure is the lower bound.
            var waited = Math.Round(runSeconds * 1000, 1);
            return run with { P50Ms = waited, P99Ms = waited, P50AtLeast = true, P99AtLeast = true };
        }

        if (timeouts == 0)
        {
            return run;
        }

        // wrk counts a reply that came after the timeout as a request and a timeout, but leaves it out of its
        // percentiles (which then read 0 us when every reply was late). Once the timed-out requests are more than
        // the tail a percentile covers, that percentile is at least the timeout.
        var timedOutShare = (double)timeouts / Math.Max(requests, timeouts);
        var timeoutMs = timeout.TotalMilliseconds;
        return run with
        {
            P50Ms = timedOutShare > 0.5 ? Math.Max(p50.Value, timeoutMs) : p50.Value,
            P50AtLeast = timedOutShare > 0.5,
            P99Ms = timedOutShare > 0.01 ? Math.Max(p99.Value, timeoutMs) : p99.Value,
            P99AtLeast = timedOutShare > 0.01,
        };
    }

    /// <summary>Share of requests that failed (non-2xx/3xx replies and socket errors), 0–100.</summary>
    public double ErrorPercent => Requests == 0 ? 0 : Math.Min(100, 100.0 * Errors / Requests);

    public override string ToString()
    {
        var errors = Errors == 0
            ? $"no errors in {Requests} requests"
            : $"{Errors} errors in {Requests} requests (connect {ConnectErrors}, read {ReadErrors}, write {WriteErrors}, timeout {Timeouts}, non-2xx/3xx {Non2xx})";
        var empty = Requests == 0 ? ", no reply in the whole run" : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Tool}: p50 {(P50AtLeast ? "≥ " : "")}{P50Ms:0.###} ms, p99 {(P99AtLeast ? "≥ " : "")}{P99Ms:0.###} ms, {RequestsPerSecond:0.#} req/s, {errors}{empty}");
    }

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

    [GeneratedRegex(@"(\d+) requests in ([0-9.]+)(ms|s|m),")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s*(\d+)")]
    private static partial Regex Non2xxLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorLine();

    [GeneratedRegex(@"\d+\.\d+(\.\d+)?")]
    private static partial Regex VersionNumber();
}
