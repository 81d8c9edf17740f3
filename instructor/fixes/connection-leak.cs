using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.ConnectionLeak;

/// <summary>
/// GET /orders/summary?userId=42 answers with the user's name, order count and total in cents, or 404 when there is
/// no such user. Connections come from a pool of 16.
/// </summary>
internal static class OrderSummaries
{
    public static async Task<IResult> Summary(SampleDatabase database, int userId, CancellationToken ct)
    {
        // `await using` gives the connection back on every path: the early 404 and exceptions included.
        await using var db = await database.OpenAsync(ct);
        var name = (await db.Query("SELECT name FROM users WHERE id = @p0", r => r.GetString(0), ct, (long)userId)).FirstOrDefault();
        if (name is null)
        {
            return Results.Json(new ApiError($"userId: no user {userId}", "userId"), statusCode: StatusCodes.Status404NotFound);
        }

        var row = (await db.Query(
            "SELECT count(*), coalesce(sum(amount_cents), 0) FROM orders WHERE user_id = @p0",
            r => (Orders: r.GetInt64(0), Cents: Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)),
            ct,
            (long)userId)).Single();
        return Results.Ok(new { userId, name, orders = row.Orders, totalCents = row.Cents });
    }
}
