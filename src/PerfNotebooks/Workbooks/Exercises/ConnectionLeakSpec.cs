using System.Globalization;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>GET /orders/summary?userId=...: same totals and 404s as the reference, and no connection kept after a 404.</summary>
internal sealed class ConnectionLeakSpec : ExerciseSpec
{
    private const int SeededUsers = 5000;

    public override string Scenario => "connection-leak";

    public override IEnumerable<string> Inputs(Random random)
    {
        yield return Summary(1);
        yield return Summary(SeededUsers);
        yield return Summary(SeededUsers + 1); // no such user: 404
        for (var i = 0; i < 30; i++)
        {
            yield return Summary(random.Next(1, SeededUsers + 20));
        }
    }

    public override async Task<(bool Fast, string Detail)> Performance(SampleServer learner, SampleServer reference, HttpClient http, CancellationToken ct)
    {
        // More 404s than the pool has connections: a leak on that path leaves none for the next user.
        var stats = await learner.Stats(ct);
        for (var i = 0; i < stats.DbPoolSize + 8; i++)
        {
            using var missing = await http.GetAsync(learner.UrlFor(Summary(900_000 + i)), ct);
        }

        using var known = await http.GetAsync(learner.UrlFor(Summary(42)), ct);
        var open = (await learner.Stats(ct)).DbOpenConnections;
        return ((int)known.StatusCode == 200 && open == 0, string.Create(
            CultureInfo.InvariantCulture,
            $"after {stats.DbPoolSize + 8} unknown users: {open} connections still open (pool {stats.DbPoolSize}), a known user answered {(int)known.StatusCode}"));
    }

    private static string Summary(int userId) => "/orders/summary?userId=" + userId.ToString(CultureInfo.InvariantCulture);
}
