using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Profiling.Backends;

/// <summary>
/// A Go or Node process's own database query counters, from the Prometheus text its loopback /metrics serves
/// (the sample servers' <c>perfnb_db_queries_per_request</c> histogram, per route): read at the session's start and
/// end, the difference becomes "requests-per-second" and "commands-per-second" series, the evidence the chatty
/// database (N+1) rule reads from .NET's counters. A process without such a /metrics gives none.
/// </summary>
internal sealed partial class ServerQueryCounters
{
    /// <summary>The series' provider: what the rule names as the evidence's source.</summary>
    public const string Provider = "the server's /metrics query counters";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly Uri _metrics;
    private readonly (double Requests, double Queries) _start;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private ServerQueryCounters(Uri metrics, (double, double) start)
    {
        _metrics = metrics;
        _start = start;
    }

    /// <summary>Starts counting on the process's first loopback port whose /metrics has the query histogram, or null.</summary>
    public static async Task<ServerQueryCounters?> Start(int pid, CancellationToken ct)
    {
        foreach (var port in ListeningPorts.Of(pid))
        {
            var url = new Uri($"http://127.0.0.1:{port}/metrics");
            if (await Read(url, ct) is { } start)
            {
                return new ServerQueryCounters(url, start);
            }
        }

        return null;
    }

    /// <summary>The session's requests and queries as two series (a baseline point, then the session's counts), or none.</summary>
    public async Task<IReadOnlyList<CounterSeries>> Stop(CancellationToken ct)
    {
        if (await Read(_metrics, ct) is not { } end)
        {
            return [];
        }

        var seconds = _clock.Elapsed.TotalSeconds;
        CounterSeries Series(string name, string display, double before, double after) =>
            new(name, display, "count", [new CounterPoint(0, before) { IsIncrement = true }, new CounterPoint(seconds, after - before) { IntervalSeconds = seconds, IsIncrement = true }])
            {
                Provider = Provider,
                IsIncrement = true,
            };

        return
        [
            Series("requests-per-second", "HTTP requests", _start.Requests, end.Requests),
            Series("commands-per-second", "Database queries", _start.Queries, end.Queries),
        ];
    }

    /// <summary>Requests to the app's routes and the queries they made, or null when the URL has no such histogram.</summary>
    private static async Task<(double Requests, double Queries)?> Read(Uri url, CancellationToken ct)
    {
        string text;
        try
        {
            text = await Http.GetStringAsync(url, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null; // not HTTP, not this port, or gone
        }

        return Parse(text);
    }

    internal static (double Requests, double Queries)? Parse(string text)
    {
        double requests = 0, queries = 0;
        var found = false;
        foreach (Match m in Sample().Matches(text))
        {
            found = true;
            var route = m.Groups["route"].Value;
            // Scrapes, health checks, profiles and admin calls are the observer's requests, not the app's.
            if (route is "/metrics" or "/health" or "unmatched" || route.StartsWith("/debug/", StringComparison.Ordinal) || route.StartsWith("/admin/", StringComparison.Ordinal))
            {
                continue;
            }

            var value = double.Parse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (m.Groups["part"].Value == "count")
            {
                requests += value;
            }
            else
            {
                queries += value;
            }
        }

        return found ? (requests, queries) : null;
    }

    [GeneratedRegex("""^perfnb_db_queries_per_request_(?<part>count|sum)\{route="(?<route>[^"]*)"\} (?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
