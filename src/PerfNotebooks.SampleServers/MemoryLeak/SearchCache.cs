using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.MemoryLeak;

/// <summary>Caches rendered search results by the raw query: unbounded for ever (bug) or bounded with expiry (fix).</summary>
internal sealed class SearchCache : IDisposable
{
    public const int BoundedEntries = 100;
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    // THE BUG: a process-wide dictionary keyed by whatever the client sent; nothing ever leaves it.
    private readonly ConcurrentDictionary<string, byte[]> _unbounded = new(StringComparer.Ordinal);

    // THE FIX: at most BoundedEntries entries, each expiring; a full cache refuses new entries and compacts.
    private readonly MemoryCache _bounded = new(new MemoryCacheOptions { SizeLimit = BoundedEntries, CompactionPercentage = 0.25 });

    public int Count => _unbounded.Count + _bounded.Count;

    public bool TryGet(bool isFixed, string key, out byte[]? value) =>
        isFixed ? _bounded.TryGetValue(key, out value) : _unbounded.TryGetValue(key, out value);

    public void Add(bool isFixed, string key, byte[] value)
    {
        if (isFixed)
        {
            _bounded.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Expiry });
        }
        else
        {
            _unbounded[key] = value;
        }

        ServerMetrics.CacheEntries.Set(Count);
    }

    public void Dispose() => _bounded.Dispose();
}
