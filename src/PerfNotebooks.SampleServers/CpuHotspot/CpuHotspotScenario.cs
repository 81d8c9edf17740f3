using System.Diagnostics;
using System.Reflection;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.CpuHotspot;

/// <summary>GET /cpu-intense?limit=100000: counts primes on the request thread with the exercise <see cref="PrimeCount"/>.</summary>
internal static class CpuHotspotScenario
{
    public static Exercise Exercise() => new(
        "cpu-hotspot",
        "PrimeCount.cs",
        typeof(PrimeCount).GetMethod(nameof(PrimeCount.UpTo), BindingFlags.Public | BindingFlags.Static)!,
        typeof(Func<int, int>));

    public static void Map(RouteGroupBuilder app, Exercise exercise, string path) => app.MapGet(path, (HttpRequest request, BugSwitch bug) =>
    {
        if (!QueryParam.TryInt(request, "limit", 2, 1_000_000, 100_000, out var limit, out var error))
        {
            return error!;
        }

        var count = exercise.Entry<Func<int, int>>();
        var clock = Stopwatch.StartNew();
        var primes = count(limit);
        return Results.Ok(new { primesFound = primes, limit, durationMs = clock.Elapsed.TotalMilliseconds, mode = bug.Mode });
    });
}
