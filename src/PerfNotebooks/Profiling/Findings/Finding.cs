using PerfNotebooks.Display;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Profiling;

/// <summary>A likely root cause, the evidence for it, and what to do next.</summary>
public sealed record Finding(string Rule, string Title, string Cause, IReadOnlyList<string> Evidence, string NextStep) : IHtmlRenderable
{
    public string ToHtml()
    {
        var html = new ResultHtml(Title, Rule);
        WriteBody(html);
        return html.ToString();
    }

    /// <summary>Cause, evidence and next step, under a title written by the caller (a profile lists several).</summary>
    internal void WriteBody(ResultHtml html)
    {
        html.Line(Cause).Bullets(Evidence).Line(Cell.Muted("next: "), NextStep);
    }

    public override string ToString() => $"{Title}: {Cause} Next: {NextStep}";
}
