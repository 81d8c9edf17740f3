using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Display;

/// <summary>
/// A static, offline HTML page made of notebook cells and outputs: plotly.js is inlined once in the page head
/// (only if a chart needs it), charts are drawn from their Plotly JSON, nothing is fetched from the network.
/// </summary>
public sealed partial class HtmlReport
{
    private readonly List<string> sections = [];
    private bool needsPlotly;

    public HtmlReport(string title)
    {
        Title = string.IsNullOrWhiteSpace(title) ? "PerfNotebooks report" : title;
    }

    public string Title { get; }

    /// <summary>A markdown cell (headings, paragraphs, lists, code fences, inline code, bold, italics).</summary>
    public HtmlReport AddMarkdown(string markdown)
    {
        sections.Add("<section class=\"md\">" + MarkdownLite.ToHtml(markdown ?? "") + "</section>");
        return this;
    }

    /// <summary>A code cell's source, shown as a code block.</summary>
    public HtmlReport AddCode(string source)
    {
        sections.Add("<pre class=\"code\"><code>" + WebUtility.HtmlEncode(source ?? "") + "</code></pre>");
        return this;
    }

    /// <summary>Any value, rendered as a notebook would show it (charts, DataFrames, flame graphs, results).</summary>
    public HtmlReport AddValue(object? value) => AddOutput(Notebook.MimeBundle(value, OutputSession.WithPlotlyLoaded()));

    /// <summary>An output as stored in a notebook: a MIME bundle (JSON MIME types hold JSON text).</summary>
    public HtmlReport AddOutput(IReadOnlyDictionary<string, string> bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        sections.Add("<div class=\"output\">" + RenderOutput(bundle) + "</div>");
        return this;
    }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(Title)).Append("</title>")
            .Append("<style>body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
            .Append("pre{background:#f6f8fa;padding:8px 12px;overflow:auto;font-size:13px}.output{margin:0 0 1.5em}")
            .Append("pre.code{border-left:3px solid #8ab}code{font-family:ui-monospace,monospace}</style>\n");
        if (needsPlotly)
        {
            html.Append(PlotlyLibrary.ScriptTag()).Append('\n');
        }

        html.Append("</head><body>\n<h1>").Append(WebUtility.HtmlEncode(Title)).Append("</h1>\n");
        foreach (var section in sections)
        {
            html.Append(section).Append('\n');
        }

        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>Writes the page next to <paramref name="path"/> first and renames it, so a crash never leaves half a report.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new BadInputException($"Report path '{path}' is in a folder that does not exist; create '{directory}' or pick another path.");
        }

        SafeFile.WriteText(full, ToHtml());
    }

    private string RenderOutput(IReadOnlyDictionary<string, string> bundle)
    {
        if (bundle.TryGetValue(MimeTypes.Plotly, out var figure))
        {
            needsPlotly = true;
            return ChartOutput.Html(ChartOutput.FromFigureJson(figure).FigureJson, PlotlySource.Page);
        }

        if (bundle.TryGetValue(MimeTypes.Html, out var html))
        {
            // Outputs from a notebook may carry the library inline; the page head has the one copy.
            var stripped = InlinedLibrary().Replace(html, "");
            needsPlotly |= stripped.Length != html.Length || stripped.Contains("window.Plotly", StringComparison.Ordinal) || stripped.Contains("class=\"perfnb-chart\"", StringComparison.Ordinal);
            return stripped;
        }

        if (bundle.TryGetValue(MimeTypes.Svg, out var svg))
        {
            return svg;
        }

        if (bundle.TryGetValue("image/png", out var png))
        {
            return "<img alt=\"output\" src=\"data:image/png;base64," + WebUtility.HtmlEncode(png.Trim()) + "\">";
        }

        if (bundle.TryGetValue("text/markdown", out var markdown))
        {
            return MarkdownLite.ToHtml(markdown);
        }

        return bundle.TryGetValue(MimeTypes.PlainText, out var text)
            ? "<pre>" + WebUtility.HtmlEncode(text) + "</pre>"
            : "";
    }

    [GeneratedRegex("<script[^>]*data-perfnb=\"plotly-js\"[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex InlinedLibrary();
}
