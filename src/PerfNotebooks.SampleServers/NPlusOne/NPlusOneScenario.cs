using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.NPlusOne;

/// <summary>GET /users?ids=1,2,3: users and their orders, with an N+1 query bug (seed's Node server) or batched.</summary>
internal static class NPlusOneScenario
{
    public static void Map(WebApplication app) => app.MapGet("/users", async (HttpRequest request, BugSwitch bug, SampleDatabase database, CancellationToken ct) =>
    {
        if (!UserIds.TryParse(request, out var ids, out var error))
        {
            return error!;
        }

        await using var db = await database.OpenAsync(ct);
        var users = bug.IsFixed ? await UserQueries.Batched(db, ids, ct) : await UserQueries.OneByOne(db, ids, ct);
        return Results.Ok(users);
    });
}
