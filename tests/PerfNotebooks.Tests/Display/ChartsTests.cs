using System.Text.Json.Nodes;
using PerfNotebooks.Plots;

namespace PerfNotebooks.Tests.Display;

public class ChartsTests
{
    private static readonly (double, double)[] Before = [(50, 2), (90, 5), (99, 40), (99.9, 300), (100, 900)];
    private static readonly (double, double)[] After = [(50, 2), (90, 4), (99, 9), (99.9, 20), (100, 60)];

    private static JsonNode Figure(PerfNotebooks.Display.ChartOutput chart) => JsonNode.Parse(chart.FigureJson)!;

    [Fact]
    public void PercentileSpectrum_uses_a_log_one_in_n_axis()
    {
        var figure = Figure(Charts.PercentileSpectrum(Before, After));

        var xaxis = figure["layout"]!["xaxis"]!;
        Assert.Equal("log", (string?)xaxis["type"]);
        Assert.Contains("p99<br>1 in 100", xaxis["ticktext"]!.AsArray().Select(t => (string?)t));
        Assert.Equal([2.0, 10, 100, 1000, 10000], figure["data"]![0]!["x"]!.AsArray().Select(x => (double)x!));
    }

    [Fact]
    public void PercentileSpectrum_draws_before_and_after_as_two_named_lines()
    {
        var figure = Figure(Charts.PercentileSpectrum(Before, After));

        Assert.Equal(["before", "after"], figure["data"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.Equal("p99.9: 20 ms", (string?)figure["data"]![1]!["text"]![3]);
    }

    [Fact]
    public void PercentileSpectrum_rejects_a_percentile_above_100()
    {
        var error = Assert.Throws<BadInputException>(() => Charts.PercentileSpectrum([new PercentileSeries("x", [(150, 1)])]));

        Assert.Contains("[0, 100]", error.Message);
    }

    [Fact]
    public void Histogram_bins_every_value_once()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => (double)(i % 97)).ToArray();

        var figure = Figure(Charts.Histogram([("latency", values)], bins: 20));

        var counts = figure["data"]![0]!["y"]!.AsArray().Select(c => (double)c!).ToArray();
        Assert.Equal(20, counts.Length);
        Assert.Equal(10_000, counts.Sum());
    }

    [Fact]
    public void Histogram_with_log_x_gives_each_decade_the_same_number_of_bins()
    {
        double[] values = [1, 10, 100, 1000];

        var figure = Figure(Charts.Histogram([("latency", values)], bins: 3, logX: true));

        Assert.Equal("log", (string?)figure["layout"]!["xaxis"]!["type"]);
        Assert.Equal([1.0, 1, 2], figure["data"]![0]!["y"]!.AsArray().Select(c => (double)c!));
        var centers = figure["data"]![0]!["x"]!.AsArray().Select(c => (double)c!).ToArray();
        Assert.Equal(Math.Sqrt(10), centers[0], 6);
    }

    [Fact]
    public void Rates_draws_percentages_with_wilson_intervals()
    {
        var figure = Figure(Charts.Rates([("latency", 3, 10), ("throughput", 0, 40)], title: "Inconsistent claims"));

        var y = figure["data"]![0]!["y"]!.AsArray().Select(v => (double)v!).ToArray();
        var plus = figure["data"]![0]!["error_y"]!["array"]!.AsArray().Select(v => (double)v!).ToArray();
        var minus = figure["data"]![0]!["error_y"]!["arrayminus"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.Equal([30.0, 0], y);
        Assert.Equal(10.78, y[0] - minus[0], 2);
        Assert.Equal(60.32, y[0] + plus[0], 2);
        Assert.Equal(0, minus[1]);
        Assert.Equal(8.76, y[1] + plus[1], 2);
    }

    [Fact]
    public void Rates_rejects_a_count_above_its_total()
    {
        var error = Assert.Throws<BadInputException>(() => Charts.Rates([("latency", 11, 10)]));

        Assert.Contains("11 of 10", error.Message);
    }

    [Fact]
    public void TimeSeries_marks_the_fix_with_a_vertical_line_and_label()
    {
        var figure = Figure(Charts.TimeSeries([Series.PerSecond("p99", [50, 52, 49, 8, 7])], fixAt: 3, fixLabel: "pool size fix"));

        var shape = figure["layout"]!["shapes"]![0]!;
        Assert.Equal(3.0, (double)shape["x0"]!);
        Assert.Equal("paper", (string?)shape["yref"]);
        Assert.Equal("pool size fix", (string?)figure["layout"]!["annotations"]![0]!["text"]);
    }

    [Fact]
    public void TimeSeries_rejects_series_with_mismatched_lengths()
    {
        var error = Assert.Throws<BadInputException>(() => Charts.TimeSeries([new Series("rps", [0, 1], [5])]));

        Assert.Contains("'rps' has 2 x values and 1 y values", error.Message);
    }

    [Fact]
    public void TimeSeries_draws_a_missing_second_as_a_gap()
    {
        var figure = Figure(Charts.TimeSeries([Series.PerSecond("p99", [5, double.NaN, 7])]));

        Assert.Null(figure["data"]![0]!["y"]![1]);
        Assert.Equal(7.0, (double)figure["data"]![0]!["y"]![2]!);
    }

    [Fact]
    public void Counters_gives_each_counter_its_own_stacked_axis()
    {
        var figure = Figure(Charts.Counters([Series.PerSecond("gen0 GCs", [1, 2]), Series.PerSecond("threadpool queue", [0, 40]), Series.PerSecond("cpu %", [20, 90])]));

        Assert.Equal(["y", "y2", "y3"], figure["data"]!.AsArray().Select(t => (string?)t!["yaxis"]));
        var top = figure["layout"]!["yaxis"]!["domain"]!.AsArray().Select(v => (double)v!).ToArray();
        var bottom = figure["layout"]!["yaxis3"]!["domain"]!.AsArray().Select(v => (double)v!).ToArray();
        Assert.True(top[0] > bottom[1], "first counter should sit above the last");
    }

    [Fact]
    public void Bars_with_intervals_get_asymmetric_error_bars()
    {
        var figure = Figure(Charts.Bars([new BarValue("Span", 10, 9, 12), new BarValue("Array", 20, 18, 21)], title: "Mean ns"));

        var error = figure["data"]![0]!["error_y"]!;
        Assert.Equal([2.0, 1], error["array"]!.AsArray().Select(v => (double)v!));
        Assert.Equal([1.0, 2], error["arrayminus"]!.AsArray().Select(v => (double)v!));
    }

    [Fact]
    public void Bars_groups_several_series_by_category()
    {
        var figure = Figure(Charts.Bars([
            new BarSeries("consistent", [new BarValue("latency", 12), new BarValue("throughput", 7)]),
            new BarSeries("inconsistent", [new BarValue("latency", 3), new BarValue("throughput", 5)])]));

        Assert.Equal("group", (string?)figure["layout"]!["barmode"]);
        Assert.Equal(["latency", "throughput"], figure["data"]![1]!["x"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void Bars_rejects_a_value_outside_its_interval()
    {
        Assert.Throws<BadInputException>(() => Charts.Bars([new BarValue("x", 10, 11, 12)]));
    }
}
