using System.Globalization;
using System.Text;

namespace PerfNotebooks.Profiling;

/// <summary>The profile as plain text for a terminal: summary, hotspot, top methods, hot path, findings.</summary>
internal static class ProfileTable
{
    public static string Format(Profile p, int top)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{p.Subject} ({p.Source}, {p.Runtime}): {p.Samples} CPU samples, {p.WaitingSamples} waiting samples in {p.DurationSeconds:F1} s (analysed in {p.AnalysisSeconds:F2} s)");
        if (p.PartialReason is not null)
        {
            text.AppendLine(c, $"PARTIAL: {p.PartialReason}");
        }

        if (p.Hotspot is { } h)
        {
            text.AppendLine(c, $"hotspot: {h.Name}  self {h.SelfPct:F1}%  total {h.TotalPct:F1}%");
            foreach (var u in h.Underneath)
            {
                text.AppendLine(c, $"  spends {u.TotalPct:F1}% in {u.Name}");
            }
        }
        else
        {
            text.AppendLine("hotspot: none (no app code on CPU)");
        }

        text.AppendLine();
        text.AppendLine(c, $"{"self %",7} {"total %",8}  method");
        foreach (var m in p.Methods.Take(top))
        {
            text.AppendLine(c, $"{m.SelfPct,7:F1} {m.TotalPct,8:F1}  {m.Name}");
        }

        text.AppendLine();
        text.AppendLine("hot path:");
        for (var i = 0; i < p.HotPath.Count; i++)
        {
            text.Append(' ', 2 + Math.Min(i, 20)).AppendLine(p.HotPath[i]);
        }

        if (p.Heap is { } heap)
        {
            text.AppendLine();
            text.Append(heap.ToTable());
        }

        text.AppendLine();
        text.AppendLine("findings:");
        foreach (var f in p.Findings)
        {
            text.AppendLine(c, $"- {f.Title}: {f.Cause}");
            foreach (var e in f.Evidence)
            {
                text.AppendLine(c, $"    evidence: {e}");
            }

            text.AppendLine(c, $"    next: {f.NextStep}");
        }

        return text.ToString();
    }
}
