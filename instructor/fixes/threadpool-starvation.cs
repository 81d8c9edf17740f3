using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.ThreadpoolStarvation;

/// <summary>
/// GET /quote?userId=42 answers with a price quote: it asks the pricing service (about 50 ms away), then counts the
/// user's orders; the discount is one percent per order, at most 20.
/// </summary>
internal static class PriceQuotes
{
    // Async all the way: no thread is held while the pricing service and the database work.
    public static async Task<PriceQuote> Quote(SampleDatabase database, int userId, CancellationToken ct)
    {
        await PricingService.Call(ct);
        await using var db = await database.OpenAsync(ct);
        var orders = await db.Scalar("SELECT count(*) FROM orders WHERE user_id = @p0", ct, (long)userId);
        return new PriceQuote(userId, orders, Math.Min(orders, 20));
    }
}
