using System.Reflection;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.LockContention;

/// <summary>GET /risk-score?userId=42: a CPU-heavy score and a shared tally, from the exercise <see cref="RiskScores"/>.</summary>
internal static class LockContentionScenario
{
    public static Exercise Exercise() => new(
        "lock-contention",
        "RiskScores.cs",
        typeof(RiskScores).GetMethod(nameof(RiskScores.Score), BindingFlags.Public | BindingFlags.Static)!,
        typeof(Func<int, (long Score, int Served)>));

    public static void Map(RouteGroupBuilder app, Exercise exercise, string path) => app.MapGet(path, (HttpRequest request, BugSwitch bug) =>
    {
        if (!QueryParam.TryInt(request, "userId", 1, int.MaxValue, null, out var userId, out var error))
        {
            return error!;
        }

        var (score, served) = exercise.Entry<Func<int, (long Score, int Served)>>()(userId);
        return Results.Ok(new { userId, score, served, mode = bug.Mode });
    });
}
