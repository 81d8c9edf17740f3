namespace PerfNotebooks.Plots;

/// <summary>A named line: x (e.g. seconds since the run started) against y (e.g. requests per second).</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Values sampled once per second, starting at second 0.</summary>
    public static Series PerSecond(string name, IReadOnlyList<double> values) =>
        new(name, Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray(), values);
}

/// <summary>A named latency distribution as (percentile in [0, 100], value) points, e.g. (99.9, 41.5).</summary>
public sealed record PercentileSeries(string Name, IReadOnlyList<(double Percentile, double Value)> Points);

/// <summary>One bar; <see cref="Low"/>/<see cref="High"/> draw a confidence interval around <see cref="Value"/>.</summary>
public sealed record BarValue(string Category, double Value, double? Low = null, double? High = null);

/// <summary>A named group of bars sharing a colour, e.g. "consistent" claims per metric.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<BarValue> Bars);
