using System.Text.Json;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.MemoryLeak;

/// <summary>GET /search?q=ada: users whose name starts with q, cached by the raw query string.</summary>
internal static class MemoryLeakScenario
{
    public const int MaxQueryLength = 200;

    public static void Map(WebApplication app)
    {
        var cache = new SearchCache();
        app.Lifetime.ApplicationStopped.Register(cache.Dispose);
        app.MapGet("/search", async (HttpContext context, BugSwitch bug, SampleDatabase database, CancellationToken ct) =>
        {
            var q = context.Request.Query["q"];
            if (q.Count != 1 || string.IsNullOrWhiteSpace(q[0]) || q[0]!.Length > MaxQueryLength)
            {
                return ApiError.BadRequest("q", $"q: required once, 1 to {MaxQueryLength} characters of a user's name, e.g. q=ada");
            }

            var isFixed = bug.IsFixed;
            var key = context.Request.QueryString.Value!;
            if (!cache.TryGet(isFixed, key, out var body))
            {
                body = await Render(database, q[0]!, ct);
                cache.Add(isFixed, key, body);
                context.Response.Headers["X-Cache"] = "miss";
            }
            else
            {
                context.Response.Headers["X-Cache"] = "hit";
            }

            return Results.Bytes(body!, "application/json");
        });
    }

    private static async Task<byte[]> Render(SampleDatabase database, string q, CancellationToken ct)
    {
        // LIKE wildcards in q are matched literally; q is a bound parameter, so SQL in it is just text.
        var pattern = q.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using var db = await database.OpenAsync(ct);
        var users = await db.Query(
            """
            SELECT u.id, u.name, u.email, u.country, (SELECT count(*) FROM orders o WHERE o.user_id = u.id)
            FROM users u WHERE lower(u.name) LIKE @p0 ESCAPE '\' ORDER BY u.id LIMIT 20
            """,
            r => new { id = r.GetInt64(0), name = r.GetString(1), email = r.GetString(2), country = r.GetString(3), orders = r.GetInt64(4) },
            ct,
            pattern);
        return JsonSerializer.SerializeToUtf8Bytes(new { q, count = users.Count, users });
    }
}
