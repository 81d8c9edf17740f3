using System.Reflection;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;
using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.ConnectionLeak;

/// <summary>GET /orders/summary?userId=42: a user's order totals, from the exercise <see cref="OrderSummaries"/>.</summary>
internal static class ConnectionLeakScenario
{
    public static Exercise Exercise() => new(
        "connection-leak",
        "OrderSummaries.cs",
        typeof(OrderSummaries).GetMethod(nameof(OrderSummaries.Summary), BindingFlags.Public | BindingFlags.Static)!,
        typeof(Func<SampleDatabase, int, CancellationToken, Task<IResult>>));

    public static void Map(RouteGroupBuilder app, Exercise exercise, string path) => app.MapGet(path, async (HttpRequest request, SampleDatabase database, CancellationToken ct) =>
    {
        if (!QueryParam.TryInt(request, "userId", 1, int.MaxValue, null, out var userId, out var error))
        {
            return error!;
        }

        return await exercise.Entry<Func<SampleDatabase, int, CancellationToken, Task<IResult>>>()(database, userId, ct);
    });
}
