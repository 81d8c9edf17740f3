using System.Globalization;
using System.Net;
using PerfNotebooks.Load;

namespace PerfNotebooks.Tests.Display;

public class LoadResultHtmlTests
{
    [Fact]
    public void LoadResult_html_shows_the_setup_in_its_header()
    {
        var html = WebUtility.HtmlDecode(ResultValues.SteadyRun(2).ToHtml());

        Assert.Contains("closed loop · 8 connections · 10 s", html, StringComparison.Ordinal);
        Assert.Contains("<code>http://127.0.0.1:5000/orders</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResult_html_shows_the_percentiles_and_errors()
    {
        var run = ResultValues.LoadRun(
            [.. Enumerable.Repeat(1.0, 900), .. Enumerable.Repeat(20.0, 99), 1500.0],
            errors: new LoadErrors(0, 0, 0, 3, new Dictionary<int, long> { [500] = 12 }));

        var html = run.ToHtml();

        Assert.Contains("<th class=\"perfnb-num\">p99.9 ms</th>", html, StringComparison.Ordinal);
        Assert.Contains(">1,000</td><td class=\"perfnb-num\">100.0</td>", html, StringComparison.Ordinal);
        var l = Assert.IsType<LatencySummary>(run.Latency);
        var latencies = new[] { l.P50, l.P90, l.P99, l.P999, l.Max, l.Mean };
        var cells = string.Concat(latencies.Select(ms => "<td class=\"perfnb-num\">" + ms.ToString("#,##0.###", CultureInfo.InvariantCulture) + "</td>"));
        Assert.Contains(cells, html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"perfnb-bad\">timeout 3, status 500: 12</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResult_html_says_no_errors_in_green()
    {
        var html = ResultValues.SteadyRun(2).ToHtml();

        Assert.Contains("<span class=\"perfnb-good\">none</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResult_html_shows_late_and_dropped_only_for_an_open_loop()
    {
        var open = WebUtility.HtmlDecode(ResultValues.LoadRun([2, 2, 2], rate: 500, late: 7, dropped: 0).ToHtml());
        var closed = ResultValues.SteadyRun(2).ToHtml();

        Assert.Contains("target 500 req/s", open, StringComparison.Ordinal);
        Assert.Contains("late <span class=\"perfnb-bad\">7</span> · dropped 0", open, StringComparison.Ordinal);
        Assert.DoesNotContain("dropped", closed, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResult_html_highlights_a_run_that_stopped_early()
    {
        var html = ResultValues.LoadRun([2], stoppedEarly: "the server closed every connection").ToHtml();

        Assert.Contains("<div class=\"perfnb-warn\">⚠ stopped early: the server closed every connection</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResult_html_escapes_the_url()
    {
        var html = ResultValues.LoadRun([2], url: "http://127.0.0.1:5000/?q=<script>alert(1)</script>").ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("q=&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResult_html_formats_numbers_the_same_in_any_culture()
    {
        var run = ResultValues.LoadRun([.. Enumerable.Repeat(1.5, 2000)]);
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new CultureInfo("de-DE");

            Assert.Contains(">2,000<", run.ToHtml(), StringComparison.Ordinal);
            Assert.Contains(">1.5<", run.ToHtml(), StringComparison.Ordinal);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
