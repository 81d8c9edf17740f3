using System.Diagnostics;
using Microsoft.Data.Analysis;
using PerfNotebooks.Display;
using PerfNotebooks.Plots;

namespace PerfNotebooks.Tests.Display;

/// <summary>Loads an offline report in headless Chromium (Debian's chromium, from scripts/prereqs.sh) and reads the drawn DOM.</summary>
[Trait("Category", "Live")]
public class BrowserRenderTests
{
    [Fact]
    public async Task Report_with_every_kind_of_output_draws_charts_and_flame_graph_in_headless_chromium()
    {
        var dir = Directory.CreateTempSubdirectory("perfnb-browser-");
        try
        {
            var path = Path.Combine(dir.FullName, "report.html");
            var session = new OutputSession();
            new HtmlReport("Render check")
                .AddMarkdown("# Before and after")
                .AddOutput(Charts.PercentileSpectrum([(50, 2.0), (99, 40), (99.9, 300)], [(50, 2.0), (99, 9), (99.9, 20)]).ToMime(session))
                .AddOutput(Charts.TimeSeries([Series.PerSecond("rps", [100, 120, 80, 300])], fixAt: 2).ToMime(session))
                .AddValue(Charts.Bars([new BarValue("Span", 10, 9, 12), new BarValue("Array", 20, 18, 21)]))
                .AddValue(new FlameGraph(FlameNode.FromCollapsed("Main;Handle;Parse 30\nMain;Handle;Query 50\nMain;Gc 20")))
                .AddValue(new DataFrame(new DoubleDataFrameColumn("ms", [1.5, 2.5])))
                .Save(path);

            var dom = await DumpDom(path, dir.FullName);

            Assert.Equal(3, Count(dom, "class=\"plot-container plotly\""));
            Assert.Contains("js-line", dom);
            Assert.Contains("class=\"fg-frame", dom);
            Assert.Contains(">Parse</div>", dom);
            Assert.DoesNotContain(">plotly.js is not loaded", dom);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Notebook_page_with_require_js_draws_every_chart_from_the_one_plotly_js_the_first_chart_inlined()
    {
        var dir = Directory.CreateTempSubdirectory("perfnb-browser-");
        try
        {
            // A notebook front end stacks cell outputs in one page; only the first chart output carries the library.
            var session = new OutputSession();
            var outputs = Enumerable.Range(1, 3)
                .Select(i => Charts.TimeSeries([Series.PerSecond("rps " + i, [1, 2, 3])]).ToHtml(session));
            var path = Path.Combine(dir.FullName, "page.html");
            // Classic Jupyter has require.js: a global AMD define must not swallow plotly.js.
            const string requireJs = "<script>window.define=function(){};window.define.amd={};</script>";
            File.WriteAllText(path, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + requireJs + "</head><body>" + string.Join("\n", outputs) + "</body></html>");

            var dom = await DumpDom(path, dir.FullName);

            Assert.Equal(3, Count(dom, "class=\"plot-container plotly\""));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Flame_graph_zooms_on_click_and_highlights_search_matches_in_headless_chromium()
    {
        var dir = Directory.CreateTempSubdirectory("perfnb-browser-");
        try
        {
            var flame = new FlameGraph(FlameNode.FromCollapsed("Main;Handle;Parse 30\nMain;Handle;Query 50\nMain;Gc 20"));
            // Acts like a user after the graph is drawn, then records what the page shows in data attributes.
            const string user = """
                <script>
                var frames = function () { return Array.prototype.slice.call(document.querySelectorAll('.fg-frame')); };
                var named = function (n) { return frames().filter(function (f) { return f.textContent === n; })[0]; };
                named('Handle').dispatchEvent(new MouseEvent('click', { bubbles: true }));
                document.body.setAttribute('data-handle-width', named('Handle').style.width);
                document.body.setAttribute('data-gc-drawn', named('Gc') ? 'yes' : 'no');
                var search = document.querySelector('.fg-search');
                search.value = 'query';
                search.dispatchEvent(new Event('input'));
                document.body.setAttribute('data-matches', frames().filter(function (f) { return f.classList.contains('fg-match'); }).map(function (f) { return f.textContent; }).join(','));
                document.body.setAttribute('data-info', document.querySelector('.fg-info').textContent);
                </script>
                """;
            var path = Path.Combine(dir.FullName, "flame.html");
            File.WriteAllText(path, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + flame.ToHtml() + user + "</body></html>");

            var dom = await DumpDom(path, dir.FullName);

            Assert.Contains("data-handle-width=\"100%\"", dom);
            Assert.Contains("data-gc-drawn=\"no\"", dom);
            Assert.Contains("data-matches=\"Query\"", dom);
            Assert.Contains("data-info=\"matched 50.00%\"", dom);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static int Count(string text, string what) => text.Split(what).Length - 1;

    private static async Task<string> DumpDom(string htmlPath, string profileDir)
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed; run scripts/prereqs.sh (it installs Debian's chromium).");
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=" + Path.Combine(profileDir, "chromium-profile"), "--virtual-time-budget=20000",
            "--dump-dom", new Uri(htmlPath).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var dom = await stdout;
        Assert.True(dom.Length > 0, "chromium printed no DOM: " + await stderr);
        return dom;
    }
}
