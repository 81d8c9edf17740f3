using System.Globalization;

namespace PerfNotebooks.Profiling;

/// <summary>A heap that only grows during the session: something (often a cache) keeps every object it is given.</summary>
public sealed class HeapGrowthRule : IFindingRule
{
    private const double BytesPerMegabyte = 1024 * 1024;

    public string Name => "heap-growth";

    public Finding? Check(Profile profile)
    {
        // Prefer what survived collections (gen-2 + large/pinned object heaps): gc-heap-size also counts garbage not yet
        // collected, which rises and falls with the gen-0 budget. gc-heap-size is the fallback on runtimes without them.
        var survivors = Survivors(profile);
        CounterSeries? heap = survivors ?? profile.Counter("gc-heap-size");
        if (heap is not { Points.Count: >= 3 })
        {
            return null;
        }

        var scale = heap.Units.Equals("MB", StringComparison.OrdinalIgnoreCase) ? 1 : BytesPerMegabyte;
        var first = heap.Points.Take(2).Min(p => p.Value) / scale;
        var last = heap.Last / scale;
        var peak = heap.Max / scale;
        var grewSteadily = last >= 0.9 * peak;
        if (last - first < 10 || last < 1.25 * Math.Max(first, 1) || !grewSteadily)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var perSecond = (last - first) / Math.Max(1, heap.Points[^1].Seconds - heap.Points[0].Seconds);
        var evidence = new List<string> { string.Create(c, $"{(survivors is null ? "GC heap" : "memory surviving collections (gen 2 + LOH + POH)")} grew from {first:F0} MB to {last:F0} MB ({perSecond:F1} MB/s)") };
        var top = profile.Heap?.Grew.FirstOrDefault();
        if (top is not null)
        {
            var holders = top.HeldBy.Count == 0 ? string.Empty : $", held by {string.Join(", ", top.HeldBy)}";
            evidence.Add(string.Create(c, $"{top.Type} grew most: +{top.CountDelta:N0} objects, +{top.BytesDelta / BytesPerMegabyte:F1} MB{holders}"));
        }

        return new Finding(
            Name, top is null ? "Managed heap keeps growing (likely leak)" : $"Managed heap keeps growing: {top.Type}{(top.HeldBy.Count > 0 ? " held by " + top.HeldBy[0] : string.Empty)} accumulates (likely leak)",
            "the heap after collections grows steadily: objects are kept reachable, typically by an unbounded cache, a static collection or an event subscription.",
            evidence,
            top is null
                ? "take two heap snapshots a few seconds apart (Profiler.Attach(pid).SnapshotHeap()) and diff them to see which type grows; bound or evict that cache."
                : $"find who adds {top.Type} objects to {(top.HeldBy.Count > 0 ? top.HeldBy[0] : "the collection holding them")} and bound it (size limit, expiry) or remove entries when done.");
    }

    private static CounterSeries? Survivors(Profile profile)
    {
        var parts = new[] { "gen-2-size", "loh-size", "poh-size" }.Select(profile.Counter).OfType<CounterSeries>().ToList();
        if (parts.Count == 0 || parts.Any(p => p.Points.Count != parts[0].Points.Count))
        {
            return null;
        }

        var points = parts[0].Points.Select((p, i) => new CounterPoint(p.Seconds, parts.Sum(s => s.Points[i].Value))).ToList();
        return new CounterSeries("survivors", "Gen 2 + LOH + POH size", parts[0].Units, points);
    }
}
