namespace PerfNotebooks.Profiling;

/// <summary>
/// One counter sampled during the session, once per EventCounter interval, e.g. "cpu-usage" or "gc-heap-size".
/// An incrementing counter ("alloc-rate", "monitor-lock-contention-count", "requests-per-second") reports what
/// happened in each interval; <see cref="PerSecondAfterFirst"/> turns that into a rate whatever the interval was.
/// </summary>
public sealed record CounterSeries(string Name, string DisplayName, string Units, IReadOnlyList<CounterPoint> Points)
{
    /// <summary>The EventSource that published it ("System.Runtime", "Microsoft.AspNetCore.Hosting", "Npgsql"...).</summary>
    public string Provider { get; init; } = string.Empty;

    /// <summary>True for an incrementing counter (each point is a count over its interval), false for a gauge.</summary>
    public bool IsIncrement { get; init; }

    /// <summary>
    /// Per second, without the first interval: for an incrementing counter the counts divided by the time they
    /// cover (5 contentions in a 5 s interval are 1 a second, not 5); for a gauge, its mean.
    /// </summary>
    public double PerSecondAfterFirst
    {
        get
        {
            if (!IsIncrement)
            {
                return MeanAfterFirst;
            }

            var points = Points.Count < 2 ? Points : Points.Skip(1).ToList();
            var seconds = points.Sum(p => p.IntervalSeconds);
            return seconds > 0 ? points.Sum(p => p.Value) / seconds : 0;
        }
    }

    /// <summary>For a per-interval counter (requests, commands): the count over the session, without the first
    /// interval, which can carry everything since the process started.</summary>
    public double TotalAfterFirst => Points.Skip(1).Sum(p => p.Value);

    /// <summary>The mean without the first point, whose interval started before the session did (a gauge such as
    /// cpu-usage reads near zero there); the plain mean when there is only one point.</summary>
    public double MeanAfterFirst => Points.Count < 2 ? Mean : Points.Skip(1).Average(p => p.Value);

    public double Max => Points.Count == 0 ? 0 : Points.Max(p => p.Value);

    public double Mean => Points.Count == 0 ? 0 : Points.Average(p => p.Value);

    public double Last => Points.Count == 0 ? 0 : Points[^1].Value;

    public double First => Points.Count == 0 ? 0 : Points[0].Value;
}

/// <summary>A counter value at a time (seconds since the session started).</summary>
public sealed record CounterPoint(double Seconds, double Value)
{
    /// <summary>The EventCounter interval this point covers (EventCounterIntervalSec; 1 unless the profiler asked otherwise).</summary>
    public double IntervalSeconds { get; init; } = 1;

    /// <summary>True when <see cref="Value"/> is a count over the interval rather than a gauge's mean.</summary>
    public bool IsIncrement { get; init; }
}
