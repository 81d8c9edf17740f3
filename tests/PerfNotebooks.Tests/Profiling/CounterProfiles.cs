using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>Profiles with no samples and known counter series, for rules that read counters.</summary>
internal static class CounterProfiles
{
    public static Profile With(params CounterSeries[] counters) =>
        new(1, counters.Max(c => c.Points.Count), new CallTreeNode("all"), new CallTreeNode("all"), counters, 0, null, string.Empty);

    /// <summary>One point a second, from second 1.</summary>
    public static CounterSeries Series(string name, string provider, params double[] values) =>
        new(name, name, "count", [.. values.Select((v, i) => new CounterPoint(i + 1, v))]) { Provider = provider };
}
