using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.ThreadpoolStarvation;

// A learner's correct fix: keep Compute, await it instead of blocking on .Result.
internal static class PriceQuotes
{
    public static async Task<PriceQuote> Quote(SampleDatabase database, int userId, CancellationToken ct) =>
        await Compute(database, userId, ct);

    private static async Task<PriceQuote> Compute(SampleDatabase database, int userId, CancellationToken ct)
    {
        await PricingService.Call(ct);
        await using var db = await database.OpenAsync(ct);
        var orders = await db.Scalar("SELECT count(*) FROM orders WHERE user_id = @p0", ct, (long)userId);
        return new PriceQuote(userId, orders, Math.Min(orders, 20));
    }
}
