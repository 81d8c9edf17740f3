using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace PerfNotebooks.Display;

/// <summary>
/// A chart ready to show: Plotly figure JSON plus the title it was made with. In a notebook its bundle carries
/// <c>application/vnd.plotly.v1+json</c> (drawn natively by VS Code and JupyterLab) and a <c>text/html</c>
/// fallback that draws with the plotly.js copy we ship: loaded from the installed kernelspec in a notebook
/// (a few hundred bytes per chart instead of 3.7 MB), inlined in standalone HTML.
/// </summary>
public sealed class ChartOutput : IMimeOutput
{
    private ChartOutput(string figureJson, string title, int traceCount)
    {
        FigureJson = figureJson;
        Title = title;
        TraceCount = traceCount;
    }

    /// <summary>The figure as Plotly JSON: an object with <c>data</c> and <c>layout</c>.</summary>
    public string FigureJson { get; }

    public string Title { get; }

    /// <summary>How many traces (series) the figure draws.</summary>
    public int TraceCount { get; }

    /// <summary>Wraps a Plotly.NET chart so it renders offline.</summary>
    public static ChartOutput From(GenericChart chart, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return FromFigureJson(GenericChart.toFigureJson(chart), title);
    }

    /// <summary>Wraps Plotly figure JSON (<c>{"data": [...], "layout": {...}}</c>).</summary>
    public static ChartOutput FromFigureJson(string figureJson, string? title = null)
    {
        JsonObject figure;
        try
        {
            figure = JsonNode.Parse(figureJson) as JsonObject
                ?? throw new BadInputException("Figure JSON must be an object with \"data\" and \"layout\"; got " + Describe(figureJson) + ".");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BadInputException("Figure JSON is not valid JSON (" + e.Message + "); pass GenericChart.toFigureJson(chart) output.", e);
        }

        return FromFigure(figure, title);
    }

    /// <summary>For figures built in memory: serialized once, never re-parsed.</summary>
    internal static ChartOutput FromFigure(JsonObject figure, string? title)
    {
        if (figure["data"] is not JsonArray data)
        {
            throw new BadInputException("Figure JSON has no \"data\" array; pass an object like {\"data\": [...], \"layout\": {...}}.");
        }

        // Frames are animation state we never use; dropping them keeps the stored notebook small.
        figure.Remove("frames");
        title ??= (figure["layout"]?["title"]?["text"] as JsonValue)?.TryGetValue<string>(out var text) == true ? text : "Chart";
        return new ChartOutput(figure.ToJsonString(), title, data.Count);
    }

    /// <summary>The bundle for this notebook's session (<see cref="Notebook.Session"/>).</summary>
    public IReadOnlyDictionary<string, string> ToMime() => ToMime(Notebook.Session);

    /// <summary>The bundle for a given session (a report's page already has plotly.js; a notebook's loads it).</summary>
    public IReadOnlyDictionary<string, string> ToMime(OutputSession session) => new Dictionary<string, string>
    {
        [MimeTypes.Plotly] = FigureJson,
        [MimeTypes.Html] = ToHtml(session),
        [MimeTypes.PlainText] = ToString(),
    };

    /// <summary>HTML that draws the chart with the page's plotly.js, loading it from the kernelspec if the page has none.</summary>
    public string ToHtml(OutputSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Html(FigureJson, session.PlotlyLoaded ? PlotlySource.Page : PlotlySource.Kernelspec);
    }

    /// <summary>A standalone fragment with plotly.js inlined; for pages that show just this chart.</summary>
    public string ToStandaloneHtml() => Html(FigureJson, PlotlySource.Inline);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Chart: {Title} ({TraceCount} series)");

    internal static string Html(string figureJson, PlotlySource source)
    {
        var id = "perfnb-chart-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder(figureJson.Length + 2048);
        html.Append("<div class=\"perfnb-chart\" id=\"").Append(id).Append("\" style=\"min-height:450px\"></div>\n");
        if (source == PlotlySource.Inline)
        {
            html.Append(PlotlyLibrary.ScriptTag()).Append('\n');
        }

        html.Append("<script type=\"text/javascript\">(function(){var fig=")
            .Append(EscapeForScript(figureJson))
            .Append(";var el=document.getElementById('").Append(id).Append("');var w=window;")
            .Append("function draw(){window.Plotly.newPlot(el,fig.data,fig.layout||{},{responsive:true,displaylogo:false});}");
        if (source == PlotlySource.Kernelspec)
        {
            html.Append(KernelspecLoader);
        }
        else
        {
            // The page's copy may be in a script that runs after this one in some hosts: wait briefly for it.
            html.Append("var tries=0;function wait(){if(w.Plotly){draw(w.Plotly);}else if(tries++<200){setTimeout(wait,50);}")
                .Append("else{el.textContent='plotly.js is not loaded in this page.';}}wait();");
        }

        return html.Append("})();</script>").ToString();
    }

    /// <summary>
    /// Loads plotly.js once per page from Jupyter's /kernelspecs/perfnb/ (base URL from classic Notebook's body
    /// or JupyterLab's page config). Classic Notebook has require.js, which must load it as the AMD module it is;
    /// elsewhere a plain script tag, with any foreign AMD <c>define</c> hidden so it cannot swallow the library.
    /// </summary>
    private static string KernelspecLoader =>
        "function fail(){w.perfnbPlotly=null;el.textContent='plotly.js did not load from the perfnb kernelspec: run ./perfnb kernel install (it installs plotly.js for Jupyter), or open the HTML export, which carries it.';}"
        + "if(w.Plotly){draw(w.Plotly);return;}"
        + "if(!w.perfnbPlotly){var base=document.body&&document.body.getAttribute('data-base-url');"
        + "if(base===null){try{base=JSON.parse(document.getElementById('jupyter-config-data').textContent).baseUrl;}catch(e){base=null;}}"
        + "var url=(base||'/').replace(/\\/?$/,'/')+'kernelspecs/perfnb/" + PlotlyLibrary.FileName + "';"
        + "w.perfnbPlotly=new Promise(function(ok,no){"
        + "if(typeof w.requirejs==='function'){w.requirejs.config({paths:{'perfnb-plotly':url.replace(/\\.js$/,'')}});"
        + "w.requirejs(['perfnb-plotly'],function(P){w.Plotly=w.Plotly||P;ok(w.Plotly);},no);}"
        + "else{var amd=w.define;w.define=undefined;var s=document.createElement('script');s.src=url;"
        + "s.onload=function(){w.define=amd;if(w.Plotly){ok(w.Plotly);}else{no();}};s.onerror=function(){w.define=amd;no();};document.head.appendChild(s);}});}"
        + "w.perfnbPlotly.then(draw,fail);";

    /// <summary>Keeps user text inside a JSON literal from closing the script element.</summary>
    internal static string EscapeForScript(string json) =>
        json.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);

    private static string Describe(string text) =>
        text.Length <= 40 ? "'" + text + "'" : "'" + text[..40] + "...'";
}

/// <summary>Where a chart's HTML gets plotly.js.</summary>
internal enum PlotlySource
{
    /// <summary>Carried in the fragment itself (standalone HTML).</summary>
    Inline,

    /// <summary>Already in the page (a report puts one copy in its head).</summary>
    Page,

    /// <summary>Loaded from the installed kernelspec, once per notebook page.</summary>
    Kernelspec,
}
