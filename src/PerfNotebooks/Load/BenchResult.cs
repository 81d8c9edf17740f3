namespace PerfNotebooks.Load;

/// <summary>Timings of one command, in seconds, with the fields of hyperfine's JSON export.</summary>
public sealed record BenchResult(
    string Command,
    double Mean,
    double? Stddev,
    double Median,
    double User,
    double System,
    double Min,
    double Max,
    IReadOnlyList<double> Times,
    IReadOnlyList<int> ExitCodes)
{
    internal static BenchResult From(string command, IReadOnlyList<double> times, IReadOnlyList<int> exitCodes, double user, double system)
    {
        var mean = times.Average();
        double? stddev = times.Count > 1 ? Math.Sqrt(times.Sum(t => (t - mean) * (t - mean)) / (times.Count - 1)) : null;
        return new BenchResult(command, mean, stddev, PerfNotebooks.Median.Of(times), user, system, times.Min(), times.Max(), times, exitCodes);
    }
}
