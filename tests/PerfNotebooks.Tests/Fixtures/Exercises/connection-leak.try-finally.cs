using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.ConnectionLeak;

// A learner's correct fix: try/finally gives the connection back on every path.
internal static class OrderSummaries
{
    public static async Task<IResult> Summary(SampleDatabase database, int userId, CancellationToken ct)
    {
        var db = await database.OpenAsync(ct);
        try
        {
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
        finally
        {
            await db.DisposeAsync();
        }
    }
}
