using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.MemoryLeak;

/// <summary>
/// GET /search?q=ada answers with the first 20 users (by id) whose name starts with q, ignoring case, as JSON.
/// Rendered results are cached: the same search should not hit the database every time.
/// </summary>
internal static class SearchResults
{
    // Bounded: at most 100 entries, each for two minutes; a full cache compacts instead of growing.
    private static readonly MemoryCache Cache = new(new MemoryCacheOptions { SizeLimit = 100, CompactionPercentage = 0.25 });

    /// <param name="query">The request's raw query string, e.g. "?q=ada".</param>
    /// <param name="q">The q parameter: 1 to 200 characters.</param>
    public static async Task<byte[]> Find(string query, string q, SampleDatabase database, CancellationToken ct)
    {
        if (Cache.TryGetValue(query, out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        var body = await Render(database, q, ct);
        Cache.Set(query, body, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2) });
        ServerMetrics.CacheEntries.Set(Cache.Count);
        return body;
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
