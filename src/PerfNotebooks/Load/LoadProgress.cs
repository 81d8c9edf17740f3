namespace PerfNotebooks.Load;

/// <summary>One tick of a running load test, reported about once a second (for a live line or notebook display).</summary>
public sealed record LoadProgress(
    bool WarmingUp,
    TimeSpan Elapsed,
    TimeSpan Duration,
    long Requests,
    double RequestsPerSecond,
    double P99SoFarMs,
    long Errors)
{
    public override string ToString() =>
        WarmingUp
            ? $"warming up {Elapsed.TotalSeconds:0}s  {RequestsPerSecond:N0} req/s"
            : $"{Elapsed.TotalSeconds:0}/{Duration.TotalSeconds:0}s  {Requests:N0} req  {RequestsPerSecond:N0} req/s  p99 {P99SoFarMs:0.###} ms  errors {Errors:N0}";
}
