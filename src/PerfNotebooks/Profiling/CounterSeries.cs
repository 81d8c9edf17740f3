namespace PerfNotebooks.Profiling;

/// <summary>One runtime counter sampled once a second during the session, e.g. "cpu-usage" or "gc-heap-size".</summary>
public sealed record CounterSeries(string Name, string DisplayName, string Units, IReadOnlyList<CounterPoint> Points)
{
    public double Max => Points.Count == 0 ? 0 : Points.Max(p => p.Value);

    public double Mean => Points.Count == 0 ? 0 : Points.Average(p => p.Value);

    public double Last => Points.Count == 0 ? 0 : Points[^1].Value;

    public double First => Points.Count == 0 ? 0 : Points[0].Value;
}

/// <summary>A counter value at a time (seconds since the session started).</summary>
public sealed record CounterPoint(double Seconds, double Value);
