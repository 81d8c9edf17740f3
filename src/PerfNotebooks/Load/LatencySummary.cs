using HdrHistogram;

namespace PerfNotebooks.Load;

/// <summary>Headline latencies in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P90, double P99, double P999, double Max, double Mean)
{
    /// <summary>Percentiles of a histogram with at least one value (an empty one has no latency: it is null, never zeros).</summary>
    internal static LatencySummary From(HistogramBase h) =>
        h.TotalCount == 0
            ? throw new ArgumentException("an empty histogram has no percentiles", nameof(h))
            : new LatencySummary(
                Ms(h.GetValueAtPercentile(50)),
                Ms(h.GetValueAtPercentile(90)),
                Ms(h.GetValueAtPercentile(99)),
                Ms(h.GetValueAtPercentile(99.9)),
                Ms(h.GetMaxValue()),
                h.GetMean() / 1000.0);

    /// <summary>Histograms record microseconds; results speak milliseconds.</summary>
    internal static double Ms(long micros) => micros / 1000.0;
}

/// <summary>One point of the full percentile spectrum: this percentile of requests took at most LatencyMs.</summary>
public sealed record PercentilePoint(double Percentile, double LatencyMs, long Count);

/// <summary>One second of a run, for plotting latency and throughput over time; latencies are null in a second without a reply.</summary>
public sealed record SecondSample(int Second, long Requests, long Errors, double? P50Ms, double? P99Ms, double? MaxMs);
