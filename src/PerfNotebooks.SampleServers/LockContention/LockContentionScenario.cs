using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.LockContention;

/// <summary>GET /risk-score?userId=42: a CPU-heavy score, computed under one global lock (bug) or lock-free (fix).</summary>
internal static class LockContentionScenario
{
    public static void Map(WebApplication app)
    {
        var scores = new RiskScores();
        app.MapGet("/risk-score", (HttpRequest request, BugSwitch bug) =>
        {
            if (!QueryParam.TryInt(request, "userId", 1, int.MaxValue, null, out var userId, out var error))
            {
                return error!;
            }

            var (score, served) = bug.IsFixed ? scores.LockFree(userId) : scores.UnderGlobalLock(userId);
            return Results.Ok(new { userId, score, served, mode = bug.Mode });
        });
    }
}
