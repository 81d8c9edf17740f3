using System.Globalization;

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

    public override async Task<(bool Fast, string Detail)> Performance(ExerciseProbe probe, CancellationToken ct)
    {
        // More 404s than the pool has connections: a leak on that path leaves none for the next user.
        var stats = await probe.Server.Stats(ct);
        for (var i = 0; i < stats.DbPoolSize + 8; i++)
        {
            await probe.Get(Summary(900_000 + i), reference: false, ct);
        }

        var known = await probe.Get(Summary(42), reference: false, ct);
        var open = (await probe.Server.Stats(ct)).DbOpenConnections;
        return (known.Status == 200 && open == 0, string.Create(
            CultureInfo.InvariantCulture,
            $"after {stats.DbPoolSize + 8} unknown users: {open} connections still open (pool {stats.DbPoolSize}), a known user answered {known.Status}"));
    }

    private static string Summary(int userId) => "/orders/summary?userId=" + userId.ToString(CultureInfo.InvariantCulture);
}
