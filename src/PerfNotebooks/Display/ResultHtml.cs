using System.Globalization;
using System.Net;
using System.Text;

namespace PerfNotebooks.Display;

/// <summary>
/// Builds the HTML of result types' <see cref="IHtmlRenderable.ToHtml"/>: one bordered panel with a title, lines,
/// tables and bullets, like a Spectre.Console panel. Every text is HTML-encoded here, so callers pass plain text.
/// The stylesheet is tiny, scoped under <c>perfnb-result</c>, and repeated per fragment so each one stands alone.
/// </summary>
internal sealed class ResultHtml
{
    // Borders and muted text are translucent grey so the panel reads on light and dark notebook themes alike.
    private const string Style =
        "<style>.perfnb-result{font:13px/1.45 system-ui,sans-serif;border:1px solid rgba(128,128,128,.45);border-radius:6px;"
        + "padding:6px 10px;margin:2px 0;overflow-x:auto}"
        + ".perfnb-result .perfnb-title,.perfnb-result .perfnb-h,.perfnb-result th{font-weight:600}.perfnb-result .perfnb-h{margin-top:8px}"
        + ".perfnb-result table{border-collapse:collapse;margin:4px 0}"
        + ".perfnb-result th,.perfnb-result td{padding:1px 12px 1px 0;text-align:left;vertical-align:top;border-bottom:1px solid rgba(128,128,128,.25)}"
        + ".perfnb-result .perfnb-num{text-align:right;font-variant-numeric:tabular-nums}"
        + ".perfnb-result code{font:12px ui-monospace,monospace;word-break:break-all}.perfnb-result ul{margin:2px 0;padding-left:20px}"
        + ".perfnb-result .perfnb-muted{color:rgba(128,128,128,.95)}.perfnb-result .perfnb-good{color:#2da44e}.perfnb-result .perfnb-bad{color:#e5534b}"
        + ".perfnb-result .perfnb-warn{background:rgba(212,167,44,.18);border-left:3px solid #d4a72c;padding:2px 6px;margin:4px 0}</style>";

    private readonly StringBuilder html = new();

    /// <param name="title">What the value is, e.g. "Load run".</param>
    /// <param name="detail">Its headline facts, shown muted after the title.</param>
    public ResultHtml(string title, string? detail = null)
    {
        html.Append("<div class=\"perfnb-result\">").Append(Style).Append("<div><span class=\"perfnb-title\">").Append(Encode(title)).Append("</span>");
        if (!string.IsNullOrEmpty(detail))
        {
            html.Append(" <span class=\"perfnb-muted\">").Append(Encode(detail)).Append("</span>");
        }

        html.Append("</div>");
    }

    /// <summary>How a piece of text reads: colour cues for better/worse and a highlight for warnings.</summary>
    public enum Tone
    {
        Plain,
        Muted,
        Good,
        Bad,
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A number as a notebook reader expects it whatever the machine's culture: 1,234.5.</summary>
    public static string Number(double value, string format = "#,##0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A line made of parts, e.g. a label, a <see cref="Cell.Code"/> name and a coloured figure.</summary>
    public ResultHtml Line(params ReadOnlySpan<Cell> parts)
    {
        html.Append("<div>");
        foreach (var part in parts)
        {
            AppendInline(part);
        }

        html.Append("</div>");
        return this;
    }

    /// <summary>Something the reader must not miss (a run that stopped early, too few runs for a verdict).</summary>
    public ResultHtml Warning(string text)
    {
        html.Append("<div class=\"perfnb-warn\">⚠ ").Append(Encode(text)).Append("</div>");
        return this;
    }

    /// <summary>A section heading inside the panel.</summary>
    public ResultHtml Heading(string text)
    {
        html.Append("<div class=\"perfnb-h\">").Append(Encode(text)).Append("</div>");
        return this;
    }

    /// <summary>A bulleted list; nothing at all when there are no items.</summary>
    public ResultHtml Bullets(IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return this;
        }

        html.Append("<ul>");
        foreach (var item in list)
        {
            html.Append("<li>").Append(Encode(item)).Append("</li>");
        }

        html.Append("</ul>");
        return this;
    }

    /// <summary>Label/value rows, for a handful of facts about one thing.</summary>
    public ResultHtml Facts(params ReadOnlySpan<(string Label, Cell Value)> facts)
    {
        html.Append("<table>");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><th>").Append(Encode(label)).Append("</th>");
            AppendCell(value, "td");
            html.Append("</tr>");
        }

        html.Append("</table>");
        return this;
    }

    /// <summary>A table; each header and cell says its own alignment (<see cref="Cell.FigureHeader"/>, <see cref="Cell.Figure"/>).</summary>
    public ResultHtml Table(IReadOnlyList<Cell> headers, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        html.Append("<table><thead><tr>");
        foreach (var header in headers)
        {
            AppendCell(header, "th");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                AppendCell(cell, "td");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        return this;
    }

    public override string ToString() => html + "</div>";

    private void AppendCell(Cell cell, string tag)
    {
        html.Append('<').Append(tag);
        if (cell.Numeric)
        {
            html.Append(" class=\"perfnb-num\"");
        }

        html.Append('>');
        AppendInline(cell);
        html.Append("</").Append(tag).Append('>');
    }

    private void AppendInline(Cell cell)
    {
        var tone = cell.Tone switch
        {
            Tone.Muted => "perfnb-muted",
            Tone.Good => "perfnb-good",
            Tone.Bad => "perfnb-bad",
            _ => null,
        };
        if (tone is not null)
        {
            html.Append("<span class=\"").Append(tone).Append("\">");
        }

        html.Append(cell.Mono ? "<code>" : "").Append(Encode(cell.Text)).Append(cell.Mono ? "</code>" : "");
        if (tone is not null)
        {
            html.Append("</span>");
        }
    }

    /// <summary>One piece of text: a table cell or part of a line. Plain strings convert to it.</summary>
    public readonly record struct Cell(string Text, Tone Tone = Tone.Plain, bool Numeric = false, bool Mono = false)
    {
        public static implicit operator Cell(string text) => new(text);

        /// <summary>A right-aligned figure formatted with the invariant culture.</summary>
        public static Cell Figure(double value, string format = "#,##0.###", Tone tone = Tone.Plain) => new(Number(value, format), tone, Numeric: true);

        /// <summary>A right-aligned column title, over a column of figures.</summary>
        public static Cell FigureHeader(string title) => new(title, Numeric: true);

        /// <summary>A name or URL in monospace (method names, types, addresses).</summary>
        public static Cell Code(string text) => new(text, Mono: true);

        public static Cell Muted(string text) => new(text, Tone.Muted);
    }
}
