using System.Diagnostics;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.CpuHotspot;

/// <summary>GET /cpu-intense?limit=100000: counts primes on the request thread, naively (bug) or with a sieve (fix).</summary>
internal static class CpuHotspotScenario
{
    public static void Map(WebApplication app) => app.MapGet("/cpu-intense", (HttpRequest request, BugSwitch bug) =>
    {
        if (!QueryParam.TryInt(request, "limit", 2, 1_000_000, 100_000, out var limit, out var error))
        {
            return error!;
        }

        var clock = Stopwatch.StartNew();
        var (primes, steps) = bug.IsFixed ? PrimeCounter.Sieve(limit) : PrimeCounter.TrialDivision(limit);
        return Results.Ok(new
        {
            primesFound = primes,
            limit,
            steps,
            algorithm = bug.IsFixed ? "sieve" : "trial-division",
            durationMs = clock.Elapsed.TotalMilliseconds,
            mode = bug.Mode,
        });
    });
}
