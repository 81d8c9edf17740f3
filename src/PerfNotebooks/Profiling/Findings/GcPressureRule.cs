using System.Globalization;

namespace PerfNotebooks.Profiling;

/// <summary>Allocation-heavy code: a high allocation rate or a large share of time spent in GC.</summary>
public sealed class GcPressureRule : IFindingRule
{
    private const double BytesPerMegabyte = 1024 * 1024;
    private const double MinMegabytesPerSecondForGcTime = 50;

    public string Name => "gc-pressure";

    public Finding? Check(Profile profile)
    {
        var alloc = profile.Counter("alloc-rate");
        var gcTime = profile.Counter("time-in-gc");
        // Without the first interval: it can count what the process allocated before the session began. Per second
        // whatever the counter interval: alloc-rate reports the bytes of each interval.
        var mbPerSecond = alloc is null ? 0 : alloc.PerSecondAfterFirst / BytesPerMegabyte;
        var gcPct = gcTime?.MeanAfterFirst ?? 0;
        // Time in GC counts only beside real allocation: on a busy machine a preempted collection of a small heap
        // stretches its share of wall time while the code allocates little (a fixed CSV export read 10% on CI).
        if (mbPerSecond < 200 && (gcPct < 10 || mbPerSecond < MinMegabytesPerSecondForGcTime))
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var where = profile.Hotspot?.Name;
        var evidence = new List<string>
        {
            string.Create(c, $"allocation rate averaged {mbPerSecond:F0} MB/s"),
            string.Create(c, $"time in GC averaged {gcPct:F1}%"),
        };
        if (profile.Counter("gen-0-gc-count") is { } gen0)
        {
            evidence.Add(string.Create(c, $"{gen0.Points.Sum(p => p.Value):F0} gen-0 collections during the session"));
        }

        if (where is not null)
        {
            evidence.Add($"the CPU hotspot is {where}");
        }

        return new Finding(
            Name, where is null ? "GC pressure from allocation-heavy code" : $"GC pressure: allocation-heavy code around {where}",
            "the code allocates garbage fast (string concatenation, LINQ in loops, boxing, large temporary arrays) and the GC has to keep up.",
            evidence,
            $"find what {where ?? "the hot path"} allocates (dotnet-counters alloc-rate, a heap snapshot diff) and reuse buffers, use StringBuilder/spans, or pool.");
    }
}
