using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.ConnectionLeak;

// A learner's fast but wrong fix: no leak, but an unknown user gets an empty summary instead of a 404.
internal static class OrderSummaries
{
    public static async Task<IResult> Summary(SampleDatabase database, int userId, CancellationToken ct)
    {
        await using var db = await database.OpenAsync(ct);
        var name = (await db.Query("SELECT name FROM users WHERE id = @p0", r => r.GetString(0), ct, (long)userId)).FirstOrDefault();
        var row = (await db.Query(
            "SELECT count(*), coalesce(sum(amount_cents), 0) FROM orders WHERE user_id = @p0",
            r => (Orders: r.GetInt64(0), Cents: Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)),
            ct,
            (long)userId)).Single();
        return Results.Ok(new { userId, name = name ?? "", orders = row.Orders, totalCents = row.Cents });
    }
}
