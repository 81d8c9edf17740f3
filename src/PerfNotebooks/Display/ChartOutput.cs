using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace PerfNotebooks.Display;

/// <summary>
/// A chart ready to show: Plotly figure JSON plus the title it was made with. In a notebook its bundle carries
/// <c>application/vnd.plotly.v1+json</c> (drawn natively by VS Code and JupyterLab) and a <c>text/html</c>
/// fallback that uses the plotly.js copy we ship, inlined once per notebook.
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

    /// <summary>The bundle for a given session: the first chart of a session inlines plotly.js.</summary>
    public IReadOnlyDictionary<string, string> ToMime(OutputSession session) => new Dictionary<string, string>
    {
        [MimeTypes.Plotly] = FigureJson,
        [MimeTypes.Html] = ToHtml(session),
        [MimeTypes.PlainText] = ToString(),
    };

    /// <summary>HTML that draws the chart; inlines plotly.js only if this session has not done so yet.</summary>
    public string ToHtml(OutputSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Html(FigureJson, session.ClaimPlotlyInline());
    }

    /// <summary>A standalone fragment with plotly.js inlined; for pages that show just this chart.</summary>
    public string ToStandaloneHtml() => Html(FigureJson, includeLibrary: true);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Chart: {Title} ({TraceCount} series)");

    internal static string Html(string figureJson, bool includeLibrary)
    {
        var id = "perfnb-chart-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder(figureJson.Length + 1024);
        html.Append("<div class=\"perfnb-chart\" id=\"").Append(id).Append("\" style=\"min-height:450px\"></div>\n");
        if (includeLibrary)
        {
            html.Append(PlotlyLibrary.ScriptTag()).Append('\n');
        }

        // Later charts may run before the first chart's script in some hosts, so wait briefly for window.Plotly.
        html.Append("<script type=\"text/javascript\">(function(){var fig=")
            .Append(EscapeForScript(figureJson))
            .Append(";var el=document.getElementById('").Append(id).Append("');var tries=0;")
            .Append("function draw(){if(window.Plotly){window.Plotly.newPlot(el,fig.data,fig.layout||{},{responsive:true,displaylogo:false});}")
            .Append("else if(tries++<200){setTimeout(draw,50);}")
            .Append("else{el.textContent='plotly.js is not loaded in this page: restart the kernel and run the cells again (the first chart inlines it).';}}")
            .Append("draw();})();</script>");
        return html.ToString();
    }

    /// <summary>Keeps user text inside a JSON literal from closing the script element.</summary>
    internal static string EscapeForScript(string json) =>
        json.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "<\\!--", StringComparison.Ordinal);

    private static string Describe(string text) =>
        text.Length <= 40 ? "'" + text + "'" : "'" + text[..40] + "...'";
}
