#:project ../src/PerfNotebooks/PerfNotebooks.csproj
// Measures rendering cost of PerfNotebooks' display layer. Run: dotnet run -c Release benchmarks/display.cs
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using PerfNotebooks;
using PerfNotebooks.Display;
using PerfNotebooks.Plots;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

static (double MedianMs, double MinMs, T Result) Measure<T>(Func<T> work, int runs = 7)
{
    var result = work(); // warm-up (JIT, lazy resources)
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        result = work();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return (times[times.Count / 2], times[0], result);
}

static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.00} MiB" : bytes >= 1024 ? $"{bytes / 1024.0:0.0} KiB" : $"{bytes} B";

static void Row(string what, (double MedianMs, double MinMs, string Result) m) =>
    Console.WriteLine($"| {what} | {m.MedianMs:0.###} | {m.MinMs:0.###} | {Size(System.Text.Encoding.UTF8.GetByteCount(m.Result))} |");

const int rows = 1_000_000;
var rng = new Random(42);
var frame = new DataFrame(
    new DoubleDataFrameColumn("latency_ms", Enumerable.Range(0, rows).Select(_ => rng.NextDouble() * 100)),
    new Int64DataFrameColumn("bytes", Enumerable.Range(0, rows).Select(i => (long)i * 17)),
    new StringDataFrameColumn("endpoint", Enumerable.Range(0, rows).Select(i => "/orders/" + (i % 1000))),
    new DateTimeDataFrameColumn("at", Enumerable.Range(0, rows).Select(i => new DateTime(2026, 1, 1).AddMilliseconds(i))));

Console.WriteLine("| Rendering | median ms | min ms | output size |");
Console.WriteLine("|---|---:|---:|---:|");

// Peers first, before our formatters are registered: the library's own ToString and .NET Interactive's default HTML.
Row("1M-row DataFrame: Microsoft.Data.Analysis DataFrame.ToString() (peer)", Measure(() => frame.ToString()));
Row("1M-row DataFrame: .NET Interactive default text/html formatter (peer)", Measure(() => frame.ToDisplayString("text/html"), runs: 3));
Row("1M-row DataFrame: DataFrameView.ToHtml (ours)", Measure(() => DataFrameView.ToHtml(frame)));
Row("1M-row DataFrame: DataFrameView.ToText (ours)", Measure(() => DataFrameView.ToText(frame)));
Row("1M-row DataFrame: DataFrameView.ToCsv, first 10,000 rows (ours)", Measure(() => DataFrameView.ToCsv(frame)));
Notebook.RegisterFormatters();
Row("1M-row DataFrame: Formatter text/html after Notebook.RegisterFormatters() (ours)", Measure(() => frame.ToDisplayString("text/html")));

var seconds = Enumerable.Range(0, 100_000).Select(i => (double)i).ToArray();
var values = seconds.Select(s => 1000 + (200 * Math.Sin(s / 500)) + rng.NextDouble() * 50).ToArray();
Row("100k-point time series: Charts.TimeSeries figure JSON", Measure(() => Charts.TimeSeries([new Series("rps", seconds, values)], fixAt: 50_000).FigureJson, runs: 5));
var series = Charts.TimeSeries([new Series("rps", seconds, values)], fixAt: 50_000);
Row("100k-point time series: text/html without plotly.js (later chart)", Measure(() => { var s = new OutputSession(); s.ToString(); return series.ToHtml(MarkInlined(s)); }));

var spectrum = Enumerable.Range(0, 60).Select(i => 100 - (100 / Math.Pow(10, i / 10.0))).Select(p => (p, p * 0.3)).ToArray();
Row("Percentile spectrum, 2 x 60 points: figure JSON", Measure(() => Charts.PercentileSpectrum(spectrum, spectrum).FigureJson));

// A ~50k-frame profile: 40,000 distinct 7-deep stacks; frame d is digit d (most significant first) of i in base 5,
// so stacks share prefixes the way real call trees do.
var stacks = new List<(IReadOnlyList<string>, double)>();
for (var i = 0; i < 40_000; i++)
{
    var frames = new List<string>();
    for (var depth = 0; depth < 7; depth++)
    {
        var digit = i / (int)Math.Pow(5, 6 - depth) % 5;
        frames.Add($"Namespace{depth}.Type{digit}.Method{digit % 3}");
    }

    stacks.Add((frames, 1 + (i % 13)));
}

var profile = FlameNode.FromStacks(stacks);
var flame = new FlameGraph(profile, "CPU");
Console.WriteLine($"<!-- flame graph nodes: {profile.Count():#,0} -->");
Row($"{profile.Count():#,0}-frame flame graph: ToHtml (interactive)", Measure(() => flame.ToHtml()));
Row($"{profile.Count():#,0}-frame flame graph: ToSvg (static, 1200 px)", Measure(() => flame.ToSvg()));

var charts = Enumerable.Range(0, 10).Select(i => Charts.PercentileSpectrum(spectrum, spectrum, title: "chart " + i)).ToArray();
var notebook = Measure(() =>
{
    var session = new OutputSession();
    return string.Concat(charts.Select(c => string.Concat(c.ToMime(session).Values)));
}, runs: 3);
Row("Notebook outputs of 10 charts (all MIME types, plotly.js once)", notebook);
var report = Measure(() =>
{
    var r = new HtmlReport("10 charts");
    foreach (var c in charts)
    {
        r.AddValue(c);
    }

    return r.ToHtml();
}, runs: 3);
Row("Static HTML report of 10 charts (plotly.js once)", report);

// Browser cost: headless Chromium loading the 10-chart report until every chart is drawn, minus an empty page.
var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
if (chromium is not null)
{
    var dir = Directory.CreateTempSubdirectory("perfnb-bench-");
    var reportPath = Path.Combine(dir.FullName, "report.html");
    var flamePath = Path.Combine(dir.FullName, "flame.html");
    File.WriteAllText(flamePath, "<!DOCTYPE html><html><body>" + flame.ToHtml() + "</body></html>");
    var blankPath = Path.Combine(dir.FullName, "blank.html");
    File.WriteAllText(reportPath, report.Result);
    File.WriteAllText(blankPath, "<!DOCTYPE html><html><body>blank</body></html>");
    double Load(string path)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + Path.Combine(dir.FullName, "profile"), "--dump-dom", new Uri(path).AbsoluteUri })
        {
            start.ArgumentList.Add(arg);
        }

        var sw = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var dom = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (path == reportPath && dom.Split("plot-container plotly").Length - 1 != 10)
        {
            throw new InvalidOperationException("chromium did not draw all 10 charts");
        }

        if (path == flamePath && !dom.Contains("class=\"fg-frame", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("chromium did not draw the flame graph");
        }

        return sw.Elapsed.TotalMilliseconds;
    }

    Load(blankPath);
    var blank = Enumerable.Range(0, 3).Select(_ => Load(blankPath)).Order().ElementAt(1);
    var full = Enumerable.Range(0, 3).Select(_ => Load(reportPath)).Order().ElementAt(1);
    Console.WriteLine($"| Headless Chromium: load the 10-chart report and draw all charts, minus an empty page ({blank:0} ms) | {full - blank:0} | | |");
    var flameLoad = Enumerable.Range(0, 3).Select(_ => Load(flamePath)).Order().ElementAt(1);
    Console.WriteLine($"| Headless Chromium: load the {profile.Count():#,0}-frame interactive flame graph and lay it out, minus an empty page | {flameLoad - blank:0} | | |");
    dir.Delete(recursive: true);
}

static OutputSession MarkInlined(OutputSession s)
{
    // A later chart: the session has already inlined plotly.js once.
    _ = ChartOutput.FromFigureJson("{\"data\":[]}").ToHtml(s);
    return s;
}
