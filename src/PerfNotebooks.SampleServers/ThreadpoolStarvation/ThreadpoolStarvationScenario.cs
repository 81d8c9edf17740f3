using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.ThreadpoolStarvation;

/// <summary>
/// GET /quote?userId=42: a price quote that waits on a slow pricing service (50 ms) and the database.
/// The buggy handler blocks a pool thread on `.Result` for the whole wait; under load the pool runs out of threads,
/// grows them slowly, and every request queues behind.
/// </summary>
internal static class ThreadpoolStarvationScenario
{
    public static readonly TimeSpan PricingServiceDelay = TimeSpan.FromMilliseconds(50);

    public static void Map(WebApplication app) => app.MapGet("/quote", (HttpRequest request, BugSwitch bug, SampleDatabase database, CancellationToken ct) =>
    {
        if (!QueryParam.TryInt(request, "userId", 1, int.MaxValue, null, out var userId, out var error))
        {
            return Task.FromResult(error!);
        }

        if (bug.IsFixed)
        {
            // THE FIX: async all the way; no thread is held while the pricing service and database work.
            return Quote(database, userId, ct);
        }

        // THE BUG: sync-over-async. `.Result` parks this pool thread until the quote is ready.
#pragma warning disable VSTHRD002, CA1849 // the blocking wait is the bug on show
        var result = Quote(database, userId, ct).Result;
#pragma warning restore VSTHRD002, CA1849
        return Task.FromResult(result);
    });

    private static async Task<IResult> Quote(SampleDatabase database, int userId, CancellationToken ct)
    {
        await Task.Delay(PricingServiceDelay, ct); // the remote pricing service
        await using var db = await database.OpenAsync(ct);
        var orders = await db.Scalar("SELECT count(*) FROM orders WHERE user_id = @p0", ct, (long)userId);
        var discountPercent = Math.Min(orders, 20);
        return Results.Ok(new { userId, orders, discountPercent, threadPoolThreads = ThreadPool.ThreadCount });
    }
}
