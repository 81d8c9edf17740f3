using System.Text.Json.Nodes;
using PerfNotebooks.Display;
using PerfNotebooks.Plots;

namespace PerfNotebooks.Tests.Display;

public class ChartOutputTests
{
    private static ChartOutput SomeChart(string name = "rps") =>
        Charts.TimeSeries([Series.PerSecond(name, [1, 2, 3])], title: "Requests per second");

    [Fact]
    public void ToMime_carries_plotly_json_html_and_text()
    {
        var mime = SomeChart().ToMime(new OutputSession());

        var figure = JsonNode.Parse(mime[MimeTypes.Plotly])!;
        Assert.Equal("rps", (string?)figure["data"]![0]!["name"]);
        Assert.Contains("window.Plotly.newPlot", mime[MimeTypes.Html]);
        Assert.Equal("Chart: Requests per second (1 series)", mime[MimeTypes.PlainText]);
    }

    [Fact]
    public void ToHtml_in_a_notebook_loads_plotly_js_from_the_kernelspec_instead_of_carrying_it()
    {
        var session = new OutputSession();

        var first = SomeChart().ToHtml(session);
        var second = SomeChart().ToHtml(session);

        Assert.Equal(0, OfflineHtml.LibraryCopies(first) + OfflineHtml.LibraryCopies(second));
        Assert.True(first.Length < 10_000, $"a chart's HTML is {first.Length} chars; it should not carry the 3.7 MB library");
        Assert.Contains("kernelspecs/perfnb/" + PlotlyLibrary.FileName, first, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStandaloneHtml_carries_plotly_js_itself()
    {
        var html = SomeChart().ToStandaloneHtml();

        Assert.Equal(1, OfflineHtml.LibraryCopies(html));
        Assert.DoesNotContain("kernelspecs/perfnb", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Kernelspec_install_puts_the_versioned_plotly_js_beside_kernel_json()
    {
        var prefix = Directory.CreateTempSubdirectory("perfnb-spec-").FullName;
        try
        {
            var folder = PerfNotebooks.Kernel.Install.KernelSpec.Install(Path.Combine(AppContext.BaseDirectory, "perfnb.dll"), prefix);

            var library = File.ReadAllText(Path.Combine(folder, PlotlyLibrary.FileName));
            Assert.Equal(PlotlyLibrary.Script, library);
            Assert.StartsWith("plotly-" + PlotlyLibrary.Version, PlotlyLibrary.FileName, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(prefix, recursive: true);
        }
    }

    [Fact]
    public void ToHtml_never_points_at_a_cdn()
    {
        var session = new OutputSession();

        OfflineHtml.AssertOffline(SomeChart().ToHtml(session));
        OfflineHtml.AssertOffline(SomeChart().ToHtml(session));
    }

    [Fact]
    public void ToHtml_keeps_a_title_with_a_closing_script_tag_inside_the_script()
    {
        var chart = Charts.TimeSeries([Series.PerSecond("x", [1])], title: "</script><b>boom</b>");

        var html = chart.ToHtml(new OutputSession());

        Assert.DoesNotContain("</script><b>", html);
        Assert.Contains("boom", html);
    }

    [Fact]
    public void FromFigureJson_rejects_text_that_is_not_a_figure()
    {
        var error = Assert.Throws<BadInputException>(() => ChartOutput.FromFigureJson("[1,2]"));

        Assert.Contains("Figure JSON", error.Message);
    }

    [Fact]
    public void From_wraps_a_plotly_net_chart_and_drops_animation_frames()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: [1.0, 2.0], y: [3.0, 4.0], Name: "a");

        var output = ChartOutput.From(chart, "mine");

        Assert.Equal(1, output.TraceCount);
        Assert.Null(JsonNode.Parse(output.FigureJson)!["frames"]);
    }
}
