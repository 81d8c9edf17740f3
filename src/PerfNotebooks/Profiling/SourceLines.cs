using System.Globalization;
using System.Net;
using System.Text;
using PerfNotebooks.Display;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Profiling;

/// <summary>
/// A source file with each line's share of the profile's CPU samples in a gutter, as <c>pprof list</c> or
/// <c>perf annotate</c> show it: <c>profile.Lines(server.Code)</c> in a notebook cell.
/// </summary>
public sealed class SourceLines : IHtmlRenderable
{
    internal SourceLines(string file, IReadOnlyList<string> text, IReadOnlyList<LineCost> costs, int cpuSamples, string? note)
    {
        File = file;
        Text = text;
        Costs = costs;
        CpuSamples = cpuSamples;
        Note = note;
    }

    /// <summary>The file's name, e.g. PrimeCount.cs.</summary>
    public string File { get; }

    /// <summary>The file's lines (first is line 1), as the profiled code was compiled when the profile has its text.</summary>
    public IReadOnlyList<string> Text { get; }

    /// <summary>The lines of this file that had samples, heaviest first.</summary>
    public IReadOnlyList<LineCost> Costs { get; }

    /// <summary>All CPU samples of the profile: the percentages are shares of these.</summary>
    public int CpuSamples { get; }

    /// <summary>The line with the most samples, or null when none of this file's lines was on CPU.</summary>
    public LineCost? Top => Costs.Count > 0 ? Costs[0] : null;

    /// <summary>Why the lines shown may not be the ones asked for, or null.</summary>
    public string? Note { get; }

    /// <summary>The cost of line <paramref name="line"/> (1-based), or null when it had no samples.</summary>
    public LineCost? this[int line] => Costs.FirstOrDefault(c => c.Line == line);

    public override string ToString()
    {
        var text = new StringBuilder().Append("// ").Append(File).Append(string.Create(CultureInfo.InvariantCulture, $" · {CpuSamples:N0} CPU samples · own% (innermost line of your code) and total% (on the stack)\n"));
        if (Note is not null)
        {
            text.Append("// ").Append(Note).Append('\n');
        }

        var byLine = Costs.ToDictionary(c => c.Line);
        var width = Math.Max(Text.Count, Costs.Count == 0 ? 0 : Costs.Max(c => c.Line)).ToString(CultureInfo.InvariantCulture).Length;
        text.Append("   own%  total%  line\n");
        for (var line = 1; line <= Math.Max(Text.Count, Costs.Count == 0 ? 0 : Costs.Max(c => c.Line)); line++)
        {
            var gutter = byLine.TryGetValue(line, out var cost)
                ? string.Create(CultureInfo.InvariantCulture, $"{Percent(cost.SamplesPct),7} {Percent(cost.TotalPct),7}")
                : new string(' ', 15);
            text.Append(gutter).Append("  ").Append(line.ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append("  ")
                .Append(line <= Text.Count ? Text[line - 1] : "").Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The file beside a gutter of percentages, each line shaded by its own share (no script, reads offline).</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"perfnb-code perfnb-lines\" style=\"font:12px/1.45 ui-monospace,monospace;border:1px solid rgba(128,128,128,.45);border-radius:6px;padding:6px 0;overflow-x:auto\">");
        html.Append("<div style=\"padding:0 10px 4px;opacity:.7\">").Append(WebUtility.HtmlEncode(File))
            .Append(string.Create(CultureInfo.InvariantCulture, $" · {CpuSamples:N0} CPU samples · own % (innermost line of your code) · total % (on the stack)</div>"));
        if (Note is not null)
        {
            html.Append("<div style=\"padding:0 10px 4px;color:#b08800\">").Append(WebUtility.HtmlEncode(Note)).Append("</div>");
        }

        html.Append("<table style=\"border-collapse:collapse\">");
        var byLine = Costs.ToDictionary(c => c.Line);
        var max = Costs.Count == 0 ? 1 : Math.Max(Costs.Max(c => c.SamplesPct), 0.001);
        for (var line = 1; line <= Math.Max(Text.Count, Costs.Count == 0 ? 0 : Costs.Max(c => c.Line)); line++)
        {
            var has = byLine.TryGetValue(line, out var cost);
            // Shade by the line's share of the hottest line, so the hot spot stands out whatever the scale.
            var shade = has ? string.Create(CultureInfo.InvariantCulture, $";background:rgba(230,80,40,{0.08 + (0.5 * cost!.SamplesPct / max):0.00})") : "";
            html.Append("<tr><td style=\"text-align:right;padding:0 6px;user-select:none").Append(shade).Append("\">").Append(has ? Percent(cost!.SamplesPct) : "")
                .Append("</td><td style=\"text-align:right;padding:0 6px;opacity:.6;user-select:none\">").Append(has ? Percent(cost!.TotalPct) : "")
                .Append("</td><td style=\"text-align:right;padding:0 8px;opacity:.5;user-select:none\">").Append(line)
                .Append("</td><td style=\"white-space:pre;padding-right:10px\">").Append(line <= Text.Count ? ExerciseCode.Highlight(Text[line - 1]) : "").Append("</td></tr>");
        }

        return html.Append("</table></div>").ToString();
    }

    private static string Percent(double pct) => pct.ToString(pct >= 10 ? "0" : "0.0", CultureInfo.InvariantCulture) + "%";
}
