using System.Globalization;
using System.Reflection;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;
using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.AllocationHeavy;

/// <summary>
/// GET /export/orders.csv?rows=500: the first rows of the orders table as CSV. The bytes allocated while formatting
/// are reported in the X-Allocated-Bytes header and a histogram, so the GC pressure of each version is visible.
/// </summary>
internal static class AllocationHeavyScenario
{
    public const int MaxRows = 5_000;

    public const string AllocatedBytesHeader = "X-Allocated-Bytes";

    public static Exercise Exercise() => new(
        "allocation-heavy",
        "OrdersCsv.cs",
        typeof(OrdersCsv).GetMethod(nameof(OrdersCsv.Format), BindingFlags.Public | BindingFlags.Static)!,
        typeof(Func<IReadOnlyList<CsvRow>, byte[]>));

    public static void Map(RouteGroupBuilder app, Exercise exercise, string path) => app.MapGet(path, async (HttpContext context, SampleDatabase database, CancellationToken ct) =>
    {
        if (!QueryParam.TryInt(context.Request, "rows", 1, MaxRows, 500, out var count, out var error))
        {
            await error!.ExecuteAsync(context);
            return;
        }

        List<CsvRow> rows;
        await using (var db = await database.OpenAsync(ct))
        {
            rows = await db.Query(
                "SELECT id, user_id, amount_cents, status, created_at FROM orders ORDER BY id LIMIT @p0",
                r => new CsvRow(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4)),
                ct,
                (long)count);
        }

        // Formatting runs synchronously on this thread, so the thread's allocation counter measures exactly it.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var body = exercise.Entry<Func<IReadOnlyList<CsvRow>, byte[]>>()(rows);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        ServerMetrics.AllocatedBytesPerRequest.Observe(allocated);
        context.Response.ContentType = "text/csv";
        context.Response.ContentLength = body.Length;
        context.Response.Headers[AllocatedBytesHeader] = allocated.ToString(CultureInfo.InvariantCulture);
        await context.Response.Body.WriteAsync(body, ct);
    });
}
