using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using PerfNotebooks.Display;
using PerfNotebooks.Plots;

namespace PerfNotebooks.Tests.Display;

public class NotebookTests
{
    private sealed class Finding : IHtmlRenderable
    {
        public string ToHtml() => "<b>pool starved</b>";

        public override string ToString() => "pool starved";
    }

    [Fact]
    public void RegisterFormatters_called_twice_registers_each_formatter_once()
    {
        Notebook.RegisterFormatters();
        var before = Formatter.RegisteredFormatters(false).Count();

        Notebook.RegisterFormatters();

        Assert.Equal(before, Formatter.RegisteredFormatters(false).Count());
    }

    [Fact]
    public void Formatter_renders_a_DataFrame_with_our_view()
    {
        Notebook.RegisterFormatters();
        var frame = new DataFrame(new DoubleDataFrameColumn("ms", Enumerable.Range(0, 100).Select(i => (double)i)));

        Assert.Contains("showing 15 of 100 rows", frame.ToDisplayString(MimeTypes.Html));
        Assert.Contains("showing 15 of 100 rows", frame.ToDisplayString(MimeTypes.PlainText));
        Assert.StartsWith("ms\n0\n1\n", frame.ToDisplayString(MimeTypes.Csv));
    }

    [Fact]
    public void Formatter_renders_any_IHtmlRenderable_through_ToHtml()
    {
        Notebook.RegisterFormatters();

        Assert.Equal("<b>pool starved</b>", new Finding().ToDisplayString(MimeTypes.Html));
    }

    [Fact]
    public void Formatter_renders_any_IHtmlRenderable_as_text_through_ToString()
    {
        Notebook.RegisterFormatters();
        var profile = ResultValues.Profile();

        Assert.Equal("pool starved", new Finding().ToDisplayString(MimeTypes.PlainText));
        Assert.Equal(profile.ToString(), profile.ToDisplayString(MimeTypes.PlainText));
    }

    [Fact]
    public void Formatter_renders_a_plotly_net_chart_without_a_cdn()
    {
        Notebook.RegisterFormatters();
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: [1.0, 2.0], y: [3.0, 4.0]);

        var html = chart.ToDisplayString(MimeTypes.Html);

        Assert.Contains("window.Plotly.newPlot", html);
        OfflineHtml.AssertOffline(html);
    }

    [Fact]
    public void MimeBundle_of_a_chart_carries_plotly_json_and_an_html_fallback()
    {
        var bundle = Notebook.MimeBundle(Charts.TimeSeries([Series.PerSecond("rps", [1, 2])]));

        Assert.Equal([MimeTypes.Plotly, MimeTypes.Html, MimeTypes.PlainText], bundle.Keys.Order());
        Assert.True(MimeTypes.IsJson(MimeTypes.Plotly));
    }

    [Fact]
    public void MimeBundle_of_an_IHtmlRenderable_has_its_html_and_its_text()
    {
        var bundle = Notebook.MimeBundle(new Finding());

        Assert.Equal("<b>pool starved</b>", bundle[MimeTypes.Html]);
        Assert.Equal("pool starved", bundle[MimeTypes.PlainText]);
    }

    [Fact]
    public void MimeBundle_of_a_DataFrame_has_html_text_and_csv()
    {
        var bundle = Notebook.MimeBundle(new DataFrame(new Int32DataFrameColumn("n", [1, 2])));

        Assert.Equal([MimeTypes.Csv, MimeTypes.Html, MimeTypes.PlainText], bundle.Keys.Order());
    }

    [Fact]
    public void MimeBundle_of_any_other_object_uses_the_default_formatters()
    {
        var bundle = Notebook.MimeBundle(new { Endpoint = "/orders", P99 = 12.5 });

        Assert.Contains("/orders", bundle[MimeTypes.Html]);
        Assert.Contains("12.5", bundle[MimeTypes.PlainText]);
    }

    [Fact]
    public void MimeBundle_of_any_other_object_keeps_type_names_but_drops_links_to_online_docs()
    {
        var bundle = Notebook.MimeBundle(new object[] { 1, "two", 3.5 });

        Assert.Contains("System.Int32", bundle[MimeTypes.Html]);
        OfflineHtml.AssertOffline(bundle[MimeTypes.Html]);
    }

    [Fact]
    public void MimeBundle_of_a_flame_tree_shows_it_as_a_flame_graph()
    {
        var bundle = Notebook.MimeBundle(FlameNode.FromCollapsed("a;b 2\na;c 1"));

        Assert.Contains("fg-search", bundle[MimeTypes.Html]);
        Assert.StartsWith("<svg", bundle[MimeTypes.Svg]);
    }

    [Fact]
    public void MimeBundle_of_a_profile_call_tree_shows_it_as_a_flame_graph()
    {
        var calls = new PerfNotebooks.Profiling.CallTreeNode("all");
        calls.Add(["Main", "Work"], 3);

        var bundle = Notebook.MimeBundle(calls);

        Assert.Contains("fg-search", bundle[MimeTypes.Html]);
        Assert.Contains("Work", bundle[MimeTypes.Html]);
    }

    [Fact]
    public void MimeBundle_of_a_string_is_plain_text_only()
    {
        var bundle = Notebook.MimeBundle("<not html>");

        Assert.Equal("<not html>", Assert.Single(bundle).Value);
    }
}
