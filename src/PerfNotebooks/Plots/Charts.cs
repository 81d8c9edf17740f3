using System.Globalization;
using System.Text.Json.Nodes;
using PerfNotebooks.Display;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PerfNotebooks.Plots;

/// <summary>
/// The charts performance work needs, from plain inputs (arrays and named series) so any capability can
/// call them. Each returns a <see cref="ChartOutput"/> that renders offline in every notebook host.
/// </summary>
public static class Charts
{
    /// <summary>
    /// Latency by percentile on a log "1 in N" axis (p90 = 1 in 10, p99.9 = 1 in 1,000), one line per series:
    /// where before/after runs differ in the tail is visible at a glance. Percentile 100 is drawn as "max".
    /// </summary>
    public static ChartOutput PercentileSpectrum(IEnumerable<PercentileSeries> series, string title = "Latency by percentile", string unit = "ms", bool logY = false)
    {
        var all = Require(series, "percentile series");
        var maxFinite = 1.0;
        foreach (var s in all)
        {
            if (s.Points is null || s.Points.Count == 0)
            {
                throw new BadInputException($"Percentile series '{s.Name}' has no points; pass (percentile, value) pairs such as (50, 1.2), (99, 8.5).");
            }

            foreach (var (p, v) in s.Points)
            {
                if (!(p >= 0 && p <= 100) || !double.IsFinite(v))
                {
                    throw new BadInputException($"Percentile series '{s.Name}' has point ({p}, {v}); percentiles must be in [0, 100] and values finite.");
                }

                if (p < 100)
                {
                    maxFinite = Math.Max(maxFinite, OneIn(p));
                }
            }
        }

        // The maximum has no finite "1 in N"; draw it one decade past the deepest percentile measured.
        var maxX = Math.Pow(10, Math.Ceiling(Math.Log10(maxFinite)) + 1);
        var traces = all.Select(s =>
        {
            var points = s.Points.OrderBy(p => p.Percentile).ToArray();
            var x = points.Select(p => p.Percentile >= 100 ? maxX : OneIn(p.Percentile)).ToArray();
            var y = points.Select(p => p.Value).ToArray();
            var text = points.Select(p => Label(p.Percentile) + ": " + Number(p.Value) + " " + unit).ToArray();
            return CSharpChart.Line<double, double, string>(x, y, Name: s.Name, ShowMarkers: true, MultiText: text);
        });
        var figure = FigureJson.From(Plotly.NET.CSharp.Chart.Combine(traces)).Title(title).AxisTitle("yaxis", "latency (" + unit + ")");
        foreach (var trace in figure.Data.OfType<JsonObject>())
        {
            trace["hoverinfo"] = "text+name";
            trace["mode"] = "lines+markers";
        }

        var ticks = new List<double>();
        var labels = new List<string>();
        foreach (var (value, label) in new[] { (1.0, "p0"), (2.0, "p50"), (10.0, "p90"), (100.0, "p99"), (1_000.0, "p99.9"), (10_000.0, "p99.99"), (100_000.0, "p99.999"), (1_000_000.0, "p99.9999") })
        {
            if (value < maxX)
            {
                ticks.Add(value);
                labels.Add(label + "<br>1 in " + Number(value));
            }
        }

        ticks.Add(maxX);
        labels.Add("max");
        var xaxis = figure.Axis("xaxis");
        xaxis["type"] = "log";
        xaxis["title"] = new JsonObject { ["text"] = "percentile (1 in N requests is slower)" };
        xaxis["tickvals"] = new JsonArray(ticks.Select(t => (JsonNode)t).ToArray());
        xaxis["ticktext"] = new JsonArray(labels.Select(l => (JsonNode)l).ToArray());
        if (logY)
        {
            figure.Axis("yaxis")["type"] = "log";
        }

        return figure.ToOutput(title);
    }

    /// <summary>The usual comparison: the same endpoint before and after a fix.</summary>
    public static ChartOutput PercentileSpectrum(IReadOnlyList<(double Percentile, double Value)> before, IReadOnlyList<(double Percentile, double Value)> after, string title = "Latency by percentile: before vs after", string unit = "ms") =>
        PercentileSpectrum([new PercentileSeries("before", before), new PercentileSeries("after", after)], title, unit);

    /// <summary>
    /// Histogram of raw values (latencies), binned here so a million samples cost a few dozen bars in the
    /// notebook. Several series share the bins and overlay.
    /// </summary>
    /// <param name="logX">Bins of equal width in log space on a log axis: latency tails span decades.</param>
    public static ChartOutput Histogram(IEnumerable<(string Name, IReadOnlyList<double> Values)> series, int bins = 50, string title = "Latency histogram", string unit = "ms", bool logY = false, bool logX = false)
    {
        var all = Require(series, "histogram series");
        if (bins is < 1 or > 10_000)
        {
            throw new BadInputException($"Histogram bins {bins} is out of range; pass between 1 and 10000.");
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var (name, values) in all)
        {
            if (values is null || values.Count == 0)
            {
                throw new BadInputException($"Histogram series '{name}' has no values; pass at least one measurement.");
            }

            foreach (var v in values)
            {
                if (!double.IsFinite(v) || (logX && v <= 0))
                {
                    throw new BadInputException($"Histogram series '{name}' contains {v}; pass finite measurements" + (logX ? " above 0 for a log axis." : " only."));
                }

                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        // Bin in log space for a log axis, so every decade gets the same number of bars.
        Func<double, double> scale = logX ? Math.Log10 : v => v;
        Func<double, double> unscale = logX ? v => Math.Pow(10, v) : v => v;
        var (low, high) = (scale(min), scale(max));
        var width = high > low ? (high - low) / bins : 1;
        var edges = Enumerable.Range(0, bins + 1).Select(i => unscale(low + (i * width))).ToArray();
        var centers = Enumerable.Range(0, bins).Select(i => unscale(low + ((i + 0.5) * width))).ToArray();
        var traces = all.Select(s =>
        {
            var counts = new double[bins];
            foreach (var v in s.Values)
            {
                counts[Math.Clamp((int)((scale(v) - low) / width), 0, bins - 1)]++;
            }

            return CSharpChart.Column<double, double, string>(counts, Keys: centers, Name: s.Name, Opacity: all.Count > 1 ? 0.6 : 1.0);
        });
        var figure = FigureJson.From(CSharpChart.Combine(traces)).Title(title)
            .AxisTitle("xaxis", unit).AxisTitle("yaxis", "count");
        figure.Layout["barmode"] = "overlay";
        figure.Layout["bargap"] = 0;
        foreach (var trace in figure.Data.OfType<JsonObject>())
        {
            trace["width"] = new JsonArray(Enumerable.Range(0, bins).Select(i => (JsonNode)(edges[i + 1] - edges[i])).ToArray());
        }

        if (logX)
        {
            figure.Axis("xaxis")["type"] = "log";
        }

        if (logY)
        {
            figure.Axis("yaxis")["type"] = "log";
        }

        return figure.ToOutput(title);
    }

    /// <summary>Values over time (e.g. requests per second, p99 per second), with an optional marker where the fix landed.</summary>
    public static ChartOutput TimeSeries(IEnumerable<Series> series, string title = "Per second", string yTitle = "", double? fixAt = null, string fixLabel = "fix", string xTitle = "seconds")
    {
        var all = RequireSeries(series);
        var figure = FigureJson.From(CSharpChart.Combine(all.Select(EmptyLine))).Title(title).AxisTitle("xaxis", xTitle).AxisTitle("yaxis", yTitle);
        for (var i = 0; i < all.Count; i++)
        {
            figure.SetPoints(i, all[i].X, all[i].Y);
        }

        if (fixAt is { } x)
        {
            figure.VerticalMarker(x, fixLabel);
        }

        return figure.ToOutput(title);
    }

    /// <summary>Runtime or server counters over time, one stacked panel per counter sharing the time axis.</summary>
    public static ChartOutput Counters(IEnumerable<Series> counters, string title = "Counters", double? fixAt = null, string fixLabel = "fix", string xTitle = "seconds")
    {
        var all = RequireSeries(counters);
        var figure = FigureJson.From(CSharpChart.Combine(all.Select(EmptyLine))).Title(title).AxisTitle("xaxis", xTitle);
        var n = all.Count;
        const double gap = 0.04;
        var height = (1 - (gap * (n - 1))) / n;
        for (var i = 0; i < n; i++)
        {
            var axisName = i == 0 ? "yaxis" : "yaxis" + (i + 1).ToString(CultureInfo.InvariantCulture);
            figure.SetPoints(i, all[i].X, all[i].Y);
            var trace = (JsonObject)figure.Data[i]!;
            trace["yaxis"] = i == 0 ? "y" : "y" + (i + 1).ToString(CultureInfo.InvariantCulture);
            var bottom = 1 - ((i + 1) * height) - (i * gap);
            var axis = figure.Axis(axisName);
            axis["domain"] = new JsonArray(Math.Max(0, bottom), Math.Min(1, bottom + height));
            axis["title"] = new JsonObject { ["text"] = all[i].Name, ["font"] = new JsonObject { ["size"] = 11 } };
            axis["anchor"] = "x";
        }

        figure.Layout["height"] = Math.Max(300, 160 * n);
        figure.Layout["showlegend"] = false;
        if (fixAt is { } x)
        {
            figure.VerticalMarker(x, fixLabel);
        }

        return figure.ToOutput(title);
    }

    /// <summary>Category bars (e.g. claims by metric); bars with Low/High get confidence-interval whiskers.</summary>
    public static ChartOutput Bars(IEnumerable<BarValue> bars, string title = "", string yTitle = "", string name = "") =>
        Bars([new BarSeries(name, Require(bars, "bars"))], title, yTitle);

    /// <summary>Grouped category bars, one colour per series (e.g. consistent vs inconsistent claims per metric).</summary>
    public static ChartOutput Bars(IEnumerable<BarSeries> series, string title = "", string yTitle = "")
    {
        var all = Require(series, "bar series");
        foreach (var s in all)
        {
            foreach (var bar in s.Bars ?? [])
            {
                if (!double.IsFinite(bar.Value) || bar.Low > bar.Value || bar.High < bar.Value)
                {
                    throw new BadInputException($"Bar '{bar.Category}' in '{s.Name}' has value {bar.Value} with interval [{bar.Low}, {bar.High}]; the value must be finite and inside its interval.");
                }
            }
        }

        var traces = all.Select(s => CSharpChart.Column<double, string, string>(
            s.Bars.Select(b => b.Value).ToArray(), Keys: s.Bars.Select(b => b.Category).ToArray(), Name: s.Name));
        var figure = FigureJson.From(CSharpChart.Combine(traces)).Title(title).AxisTitle("yaxis", yTitle);
        figure.Layout["barmode"] = "group";
        figure.Layout["showlegend"] = all.Count > 1 || all[0].Name.Length > 0;
        for (var i = 0; i < all.Count; i++)
        {
            var bars = all[i].Bars;
            if (bars.Any(b => b.Low is not null || b.High is not null))
            {
                ((JsonObject)figure.Data[i]!)["error_y"] = new JsonObject
                {
                    ["type"] = "data",
                    ["symmetric"] = false,
                    ["array"] = new JsonArray(bars.Select(b => (JsonNode)((b.High ?? b.Value) - b.Value)).ToArray()),
                    ["arrayminus"] = new JsonArray(bars.Select(b => (JsonNode)(b.Value - (b.Low ?? b.Value))).ToArray()),
                    ["visible"] = true,
                };
            }
        }

        return figure.ToOutput(title.Length > 0 ? title : "Bars");
    }

    /// <summary>
    /// Rates as percentage bars with 95% Wilson score intervals, e.g. the share of inconsistent claims per
    /// metric: small groups get honest, wide whiskers instead of a misleadingly exact bar.
    /// </summary>
    public static ChartOutput Rates(IEnumerable<(string Category, int Count, int Total)> rates, string title = "Rate", string yTitle = "% of total")
    {
        var all = Require(rates, "rates");
        var bars = new List<BarValue>();
        foreach (var (category, count, total) in all)
        {
            if (total <= 0 || count < 0 || count > total)
            {
                throw new BadInputException($"Rate '{category}' is {count} of {total}; pass a total above 0 and a count between 0 and the total.");
            }

            var (lowFraction, highFraction) = Wilson(count, total);
            var rate = 100.0 * count / total;
            bars.Add(new BarValue(category, rate, Math.Min(rate, 100 * lowFraction), Math.Max(rate, 100 * highFraction)));
        }

        return Bars(bars, title, yTitle);
    }

    /// <summary>95% Wilson score interval for count/total.</summary>
    internal static (double Low, double High) Wilson(int count, int total)
    {
        const double z = 1.959963984540054;
        var p = (double)count / total;
        var denominator = 1 + (z * z / total);
        var center = (p + (z * z / (2 * total))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / total) + (z * z / (4.0 * total * total))) / denominator;
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>A Plotly.NET line trace with its style but no points; <see cref="FigureJson.SetPoints"/> adds them.</summary>
    private static GenericChart EmptyLine(Series s) => CSharpChart.Line<double, double, string>(Array.Empty<double>(), Array.Empty<double>(), Name: s.Name);

    /// <summary>"1 in N": how rare a request at least this slow is. p99 is 1 in 100 (rounded: 99.9 is not exact in binary).</summary>
    internal static double OneIn(double percentile) => Math.Round(100 / (100 - percentile), 6);

    private static string Label(double percentile) =>
        percentile >= 100 ? "max" : "p" + percentile.ToString("0.#####", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "#,0" : "#,0.###", CultureInfo.InvariantCulture);

    private static List<T> Require<T>(IEnumerable<T> items, string what)
    {
        var list = items?.ToList() ?? throw new BadInputException($"No {what} given; pass at least one.");
        return list.Count > 0 ? list : throw new BadInputException($"No {what} given; pass at least one.");
    }

    private static List<Series> RequireSeries(IEnumerable<Series> series)
    {
        var all = Require(series, "series");
        foreach (var s in all)
        {
            if (s.X is null || s.Y is null || s.X.Count != s.Y.Count)
            {
                throw new BadInputException($"Series '{s.Name}' has {s.X?.Count ?? 0} x values and {s.Y?.Count ?? 0} y values; pass the same number of each.");
            }
        }

        return all;
    }
}
