using System.Collections.Concurrent;
using System.Text.Json;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.MemoryLeak;

// A learner's correct fix: the same dictionary, emptied whenever it reaches 100 entries.
internal static class SearchResults
{
    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static async Task<byte[]> Find(string query, string q, SampleDatabase database, CancellationToken ct)
    {
        if (Cache.TryGetValue(query, out var cached))
        {
            return cached;
        }

        var body = await Render(database, q, ct);
        if (Cache.Count >= 100)
        {
            Cache.Clear();
        }

        Cache[query] = body;
        ServerMetrics.CacheEntries.Set(Cache.Count);
        return body;
    }

    private static async Task<byte[]> Render(SampleDatabase database, string q, CancellationToken ct)
    {
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
