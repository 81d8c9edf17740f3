using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.ConnectionLeak;

/// <summary>
/// GET /orders/summary?userId=42: a user's order totals. The buggy handler returns early on "no such user"
/// without giving its connection back; every 404 leaks one until the pool is exhausted and all requests get 503.
/// </summary>
internal static class ConnectionLeakScenario
{
    public static void Map(WebApplication app) => app.MapGet("/orders/summary", async (HttpRequest request, BugSwitch bug, SampleDatabase database, CancellationToken ct) =>
    {
        if (!QueryParam.TryInt(request, "userId", 1, int.MaxValue, null, out var userId, out var error))
        {
            return error!;
        }

        return bug.IsFixed ? await Fixed(database, userId, ct) : await Buggy(database, userId, ct);
    });

    private static async Task<IResult> Buggy(SampleDatabase database, int userId, CancellationToken ct)
    {
        var db = await database.OpenAsync(ct);
        var name = await UserName(db, userId, ct);
        if (name is null)
        {
            // THE BUG: this early return skips the DisposeAsync below; the connection never goes back to the pool.
            return NotFound(userId);
        }

        var summary = await Summary(db, userId, name, ct);
        await db.DisposeAsync();
        return summary;
    }

    private static async Task<IResult> Fixed(SampleDatabase database, int userId, CancellationToken ct)
    {
        // THE FIX: `await using` gives the connection back on every path, early returns and exceptions included.
        await using var db = await database.OpenAsync(ct);
        var name = await UserName(db, userId, ct);
        return name is null ? NotFound(userId) : await Summary(db, userId, name, ct);
    }

    private static async Task<string?> UserName(DbSession db, int userId, CancellationToken ct) =>
        (await db.Query("SELECT name FROM users WHERE id = @p0", r => r.GetString(0), ct, (long)userId)).FirstOrDefault();

    private static async Task<IResult> Summary(DbSession db, int userId, string name, CancellationToken ct)
    {
        var row = (await db.Query(
            "SELECT count(*), coalesce(sum(amount_cents), 0) FROM orders WHERE user_id = @p0",
            r => (Orders: r.GetInt64(0), Cents: Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)),
            ct,
            (long)userId)).Single();
        return Results.Ok(new { userId, name, orders = row.Orders, totalCents = row.Cents });
    }

    private static IResult NotFound(int userId) =>
        Results.Json(new ApiError($"userId: no user {userId}", "userId"), statusCode: StatusCodes.Status404NotFound);
}
