using System.Globalization;

namespace PerfNotebooks.Profiling;

/// <summary>A heap that only grows during the session: something (often a cache) keeps every object it is given.</summary>
public sealed class HeapGrowthRule : IFindingRule
{
    private const double BytesPerMegabyte = 1024 * 1024;

    public string Name => "heap-growth";

    public Finding? Check(Profile profile)
    {
        // gc-heap-size is in MB on older runtimes and bytes on newer ones; the units field says which.
        if (profile.Counter("gc-heap-size") is not { Points.Count: >= 3 } heap)
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
        var evidence = new List<string> { string.Create(c, $"GC heap grew from {first:F0} MB to {last:F0} MB ({perSecond:F1} MB/s)") };
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
}
