using System.Reflection;
using PerfNotebooks.SampleServers.Database;
using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.NPlusOne;

/// <summary>GET /users?ids=1,2,3: users and their orders, loaded by the exercise <see cref="UsersWithOrders"/> (seed's Node server).</summary>
internal static class NPlusOneScenario
{
    public static Exercise Exercise() => new(
        "n-plus-one",
        "UsersWithOrders.cs",
        typeof(UsersWithOrders).GetMethod(nameof(UsersWithOrders.Load), BindingFlags.Public | BindingFlags.Static)!,
        typeof(Func<DbSession, IReadOnlyList<long>, CancellationToken, Task<List<UserView>>>));

    public static void Map(RouteGroupBuilder app, Exercise exercise, string path) => app.MapGet(path, async (HttpRequest request, SampleDatabase database, CancellationToken ct) =>
    {
        if (!UserIds.TryParse(request, out var ids, out var error))
        {
            return error!;
        }

        var load = exercise.Entry<Func<DbSession, IReadOnlyList<long>, CancellationToken, Task<List<UserView>>>>();
        await using var db = await database.OpenAsync(ct);
        return Results.Ok(await load(db, ids, ct));
    });
}
