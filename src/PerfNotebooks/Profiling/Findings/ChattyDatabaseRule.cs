using System.Globalization;

namespace PerfNotebooks.Profiling;

/// <summary>
/// N+1-like data access, from either of two kinds of evidence: many database commands per HTTP request (the
/// ASP.NET Core and driver counters), or many samples inside database command execution called from app code.
/// The counters catch the usual case the stacks miss: an async N+1 waits on the network, not on a thread.
/// </summary>
public sealed class ChattyDatabaseRule : IFindingRule
{
    /// <summary>Commands per request from which a request counts as chatty: a page that needs ten round trips
    /// is usually one loop away from one query.</summary>
    public const double CommandsPerRequestThreshold = 10;

    // Below this many requests the ratio is noise (a health check, a warm-up).
    private const double MinimumRequests = 20;

    public string Name => "chatty-database";

    public Finding? Check(Profile profile)
    {
        var c = CultureInfo.InvariantCulture;
        var all = profile.Samples + profile.WaitingSamples;
        var cpu = StackQuery.Through(profile.Cpu, IsCommandExecute);
        var waiting = StackQuery.Through(profile.Waiting, IsCommandExecute);
        var samples = cpu.Samples + waiting.Samples;
        var stackCaller = cpu.Samples >= waiting.Samples ? cpu.Caller ?? waiting.Caller : waiting.Caller ?? cpu.Caller;
        var share = all == 0 ? 0 : 100.0 * samples / all;
        var cpuShare = profile.Samples == 0 ? 0 : 100.0 * cpu.Samples / profile.Samples;

        // Needs volume as well as share: a mostly idle process whose few CPU samples fall in one query is fine.
        var stacksSayChatty = stackCaller is not null && ((cpuShare >= 20 && cpu.Samples >= 100) || share >= 10);
        var perRequest = CommandsPerRequest(profile);
        var countersSayChatty = perRequest is { Requests: >= MinimumRequests } r && r.Commands / r.Requests >= CommandsPerRequestThreshold;
        if (!stacksSayChatty && !countersSayChatty)
        {
            return null;
        }

        var caller = stackCaller ?? DataAccessCaller(profile);
        var evidence = new List<string>();
        if (perRequest is { } counted)
        {
            evidence.Add(string.Create(c, $"{counted.Commands:N0} database commands for {counted.Requests:N0} HTTP requests ({counted.Commands / counted.Requests:F1} per request), from {(counted.Provider == Backends.ServerQueryCounters.Provider ? counted.Provider : $"the {counted.Provider} and ASP.NET Core counters")}"));
        }

        if (samples > 0)
        {
            evidence.Add(string.Create(c, $"{cpuShare:F0}% of CPU samples and {share:F0}% of all samples are inside DbCommand execution"));
        }

        if (caller is not null)
        {
            evidence.Add($"most of them are called from {caller}");
        }

        var where = caller ?? "the request handlers";
        if (countersSayChatty)
        {
            var perOne = perRequest!.Commands / perRequest.Requests;
            return new Finding(
                Name, string.Create(c, $"{perOne:F0} database commands per HTTP request (N+1-like)"),
                string.Create(c, $"each request makes about {perOne:F0} database round trips (one per item?); each costs a round trip and command setup, and they add up to the request's latency."),
                evidence,
                $"find the loop that queries once per item (the data access under {where}) and fetch the items in one query (a join or WHERE id IN (...)).");
        }

        return new Finding(
            Name, $"Database calls dominate in {where} (N+1-like)",
            $"{where} makes many small database calls; each one (one per item) costs a round trip and command setup.",
            evidence,
            $"fetch the data {where} needs in one query (a join or WHERE id IN (...)) instead of one query per item.");
    }

    private sealed record Counted(double Commands, double Requests, string Provider);

    private static Counted? CommandsPerRequest(Profile profile)
    {
        // ASP.NET Core's counter, or a Go or Node server's own /metrics (read by the profiler beside perf, pprof or the inspector).
        var requests = profile.Counters.FirstOrDefault(s => s.Name == "requests-per-second" && s.Provider is "Microsoft.AspNetCore.Hosting" or Backends.ServerQueryCounters.Provider);
        var commands = profile.Counters.Where(s => s.Name == "commands-per-second").MaxBy(s => s.TotalAfterFirst);
        if (requests is null || commands is null || requests.TotalAfterFirst <= 0)
        {
            return null;
        }

        return new Counted(commands.TotalAfterFirst, requests.TotalAfterFirst, commands.Provider);
    }

    // With async drivers the command itself is rarely on a sampled stack; the app code that builds and opens
    // commands is. The app frame seen most often above any data-access frame names the culprit.
    private static string? DataAccessCaller(Profile profile)
    {
        var cpu = StackQuery.Through(profile.Cpu, IsDataAccess);
        var waiting = StackQuery.Through(profile.Waiting, IsDataAccess);
        return cpu.Samples >= waiting.Samples ? cpu.Caller ?? waiting.Caller : waiting.Caller ?? cpu.Caller;
    }

    private static bool IsCommandExecute(string frame) =>
        frame.Contains("Command.Execute", StringComparison.Ordinal)
        && IsDataAccess(frame);

    private static bool IsDataAccess(string frame) =>
        StackQuery.StartsWithAny(frame, "Microsoft.Data.Sqlite.", "Npgsql.", "Microsoft.Data.SqlClient.", "System.Data.", "MySqlConnector.", "SQLitePCL.");
}
