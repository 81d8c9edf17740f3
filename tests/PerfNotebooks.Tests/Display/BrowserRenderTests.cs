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
    public async Task Classic_notebook_page_with_require_js_loads_plotly_js_once_from_the_kernelspec_for_every_chart()
    {
        // Classic Jupyter Notebook has require.js (Debian's, the one it serves) and says its base URL on <body>.
        var dom = await NotebookPage("<script src=\"" + new Uri(RequireJs).AbsoluteUri + "\"></script>", installKernelspec: true);

        Assert.Equal(3, Count(dom, "class=\"plot-container plotly\""));
        Assert.Equal(1, Count(dom, "src=\"" + KernelspecUrl(dom) + "\""));
    }

    [Fact]
    public async Task Notebook_page_with_a_foreign_amd_define_and_no_require_js_still_gets_window_plotly()
    {
        const string foreignAmd = "<script>window.define=function(){};window.define.amd={};</script>";

        var dom = await NotebookPage(foreignAmd, installKernelspec: true);

        Assert.Equal(3, Count(dom, "class=\"plot-container plotly\""));
    }

    [Fact]
    public async Task Notebook_page_without_the_kernelspec_copy_says_how_to_install_it()
    {
        var dom = await NotebookPage("", installKernelspec: false);

        Assert.Equal(0, Count(dom, "class=\"plot-container plotly\""));
        Assert.Contains("run ./perfnb kernel install", dom, StringComparison.Ordinal);
    }

    private const string RequireJs = "/usr/share/javascript/requirejs/require.js";

    /// <summary>Three chart outputs stacked in one page, as a notebook front end shows them, with Jupyter's /kernelspecs/perfnb/ beside it.</summary>
    private static async Task<string> NotebookPage(string head, bool installKernelspec)
    {
        var dir = Directory.CreateTempSubdirectory("perfnb-browser-");
        try
        {
            if (installKernelspec)
            {
                PlotlyLibrary.InstallInto(Directory.CreateDirectory(Path.Combine(dir.FullName, "kernelspecs", "perfnb")).FullName);
            }

            var session = new OutputSession();
            var outputs = Enumerable.Range(1, 3).Select(i => Charts.TimeSeries([Series.PerSecond("rps " + i, [1, 2, 3])]).ToHtml(session));
            var path = Path.Combine(dir.FullName, "page.html");
            var baseUrl = new Uri(dir.FullName + "/").AbsoluteUri;
            File.WriteAllText(path, "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body data-base-url=\"" + baseUrl + "\">" + string.Join("\n", outputs) + "</body></html>");
            return await DumpDom(path, dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string KernelspecUrl(string dom)
    {
        var marker = "kernelspecs/perfnb/" + PlotlyLibrary.FileName;
        var end = dom.IndexOf(marker + "\"", StringComparison.Ordinal) + marker.Length;
        var start = dom.LastIndexOf("src=\"", end, StringComparison.Ordinal) + "src=\"".Length;
        return dom[start..end];
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

    private static Task<string> DumpDom(string htmlPath, string profileDir) => DumpDom(new Uri(htmlPath), profileDir);

    /// <summary>The page's DOM after its scripts ran (up to 20 s of virtual time), as headless Chromium sees it.</summary>
    internal static async Task<string> DumpDom(Uri page, string profileDir)
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
            "--dump-dom", page.AbsoluteUri,
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
