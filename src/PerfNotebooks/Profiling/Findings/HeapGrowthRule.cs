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
        return new Finding(
            Name, "Managed heap keeps growing (likely leak)",
            "the heap after collections grows steadily: objects are kept reachable, typically by an unbounded cache, a static collection or an event subscription.",
            [
                string.Create(c, $"GC heap grew from {first:F0} MB to {last:F0} MB ({perSecond:F1} MB/s)"),
            ],
            "take two heap snapshots a few seconds apart (Profiler.Attach(pid).SnapshotHeap()) and diff them to see which type grows; bound or evict that cache.");
    }
}
