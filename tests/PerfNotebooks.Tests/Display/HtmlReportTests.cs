using Microsoft.Data.Analysis;
using PerfNotebooks.Display;
using PerfNotebooks.Plots;

namespace PerfNotebooks.Tests.Display;

[Trait("Category", "Live")]
public class HtmlReportTests
{
    private static ChartOutput Spectrum() => Charts.PercentileSpectrum([(50, 2.0), (99, 40), (99.9, 300)], [(50, 2.0), (99, 9), (99.9, 20)]);

    [Fact]
    public void ToHtml_inlines_plotly_js_once_for_many_charts()
    {
        var report = new HtmlReport("Pool fix");
        for (var i = 0; i < 5; i++)
        {
            report.AddValue(Spectrum());
        }

        // Stored notebook outputs may each carry the library (one per kernel session); the page keeps one.
        report.AddOutput(new Dictionary<string, string> { [MimeTypes.Html] = Spectrum().ToHtml(new OutputSession()) });
        report.AddOutput(new Dictionary<string, string> { [MimeTypes.Html] = Spectrum().ToHtml(new OutputSession()) });

        var html = report.ToHtml();

        Assert.Equal(1, OfflineHtml.LibraryCopies(html));
        Assert.Equal(7, html.Split("window.Plotly.newPlot").Length - 1);
    }

    [Fact]
    public void ToHtml_leaves_plotly_js_out_when_no_output_is_a_chart()
    {
        var html = new HtmlReport("Claims").AddMarkdown("# Claims").AddValue(new DataFrame(new Int32DataFrameColumn("n", [1]))).ToHtml();

        Assert.Equal(0, OfflineHtml.LibraryCopies(html));
    }

    [Fact]
    public void ToHtml_of_every_kind_of_output_needs_no_network()
    {
        var report = new HtmlReport("Everything")
            .AddMarkdown("Latency **before** and after, see `p99`.")
            .AddCode("var run = await Load.Run(url);")
            .AddValue(Spectrum())
            .AddValue(new FlameGraph(FlameNode.FromCollapsed("a;b 3\na;c 1")))
            .AddValue(new DataFrame(new StringDataFrameColumn("endpoint", ["/orders"])))
            .AddValue(new ProgressView("Load run", 10));

        OfflineHtml.AssertOffline(report.ToHtml());
    }

    [Fact]
    public void AddMarkdown_renders_headings_and_escapes_raw_html()
    {
        var html = new HtmlReport("t").AddMarkdown("## Result\n<script src=\"x.js\"></script>\n- one\n- two").ToHtml();

        Assert.Contains("<h3>Result</h3>", html);
        Assert.Contains("&lt;script src=&quot;x.js&quot;&gt;", html);
        Assert.Contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", html);
    }

    [Fact]
    public void Save_writes_the_page_and_leaves_no_temporary_file()
    {
        var dir = Directory.CreateTempSubdirectory("perfnb-report-");
        try
        {
            var path = Path.Combine(dir.FullName, "report.html");

            new HtmlReport("Saved").AddMarkdown("hello").Save(path);

            Assert.Contains("<p>hello</p>", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Save_into_a_missing_folder_names_the_folder()
    {
        var path = Path.Combine(Path.GetTempPath(), "perfnb-no-such-dir-" + Guid.NewGuid().ToString("N"), "r.html");

        var error = Assert.Throws<BadInputException>(() => new HtmlReport("x").Save(path));

        Assert.Contains("does not exist", error.Message);
    }
}
