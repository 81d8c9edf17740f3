using System.Reflection;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;
using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.ThreadpoolStarvation;

/// <summary>
/// GET /quote?userId=42: a price quote that waits on a slow pricing service and the database, computed by the
/// exercise <see cref="PriceQuotes"/>. Under load, a thread held for the whole wait starves the pool.
/// </summary>
internal static class ThreadpoolStarvationScenario
{
    public static Exercise Exercise() => new(
        "threadpool-starvation",
        "PriceQuotes.cs",
        typeof(PriceQuotes).GetMethod(nameof(PriceQuotes.Quote), BindingFlags.Public | BindingFlags.Static)!,
        typeof(Func<SampleDatabase, int, CancellationToken, Task<PriceQuote>>));

    public static void Map(RouteGroupBuilder app, Exercise exercise, string path) => app.MapGet(path, async (HttpRequest request, SampleDatabase database, CancellationToken ct) =>
    {
        if (!QueryParam.TryInt(request, "userId", 1, int.MaxValue, null, out var userId, out var error))
        {
            return error!;
        }

        var quote = await exercise.Entry<Func<SampleDatabase, int, CancellationToken, Task<PriceQuote>>>()(database, userId, ct);
        return Results.Ok(new { userId = quote.UserId, orders = quote.Orders, discountPercent = quote.DiscountPercent, threadPoolThreads = ThreadPool.ThreadCount });
    });
}
