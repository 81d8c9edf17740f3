namespace PerfNotebooks.Profiling;

/// <summary>One counter sampled once a second during the session, e.g. "cpu-usage" or "gc-heap-size".</summary>
public sealed record CounterSeries(string Name, string DisplayName, string Units, IReadOnlyList<CounterPoint> Points)
{
    /// <summary>The EventSource that published it ("System.Runtime", "Microsoft.AspNetCore.Hosting", "Npgsql"...).</summary>
    public string Provider { get; init; } = string.Empty;

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
public sealed record CounterPoint(double Seconds, double Value);
