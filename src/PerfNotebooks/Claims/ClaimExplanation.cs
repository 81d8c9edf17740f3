using System.Globalization;
using System.Text;

namespace PerfNotebooks.Claims;

/// <summary>Why the analyzer decided what it did for one bullet: its phrases, numbers, roles and metrics.</summary>
internal static class ClaimExplanation
{
    public static string Explain(string bullet)
    {
        var claim = ClaimAnalyzer.Analyze("text", 1, BulletText.StripMarker(bullet));
        var r = BulletReading.Read(BulletText.StripMarker(bullet));
        ValueRoles.Assign(r);
        MetricTies.Attach(r);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"text: {r.Text}\n");
        foreach (var hit in r.Hits)
        {
            if (hit.Cues is Cue.Level or Cue.LoadPreposition or (Cue.Level | Cue.LoadPreposition) or Cue.BaselineWord)
            {
                continue;
            }

            sb.Append(CultureInfo.InvariantCulture, $"phrase '{r.Text[hit.Start..hit.End]}' clause {hit.Clause}: {hit.Cues} {hit.Metric}\n");
        }

        foreach (var token in r.Tokens)
        {
            if (token.Kind == TokenKind.Code)
            {
                sb.Append(CultureInfo.InvariantCulture, $"code '{r.Text.AsSpan(token.Start, token.Length)}': not read\n");
            }
        }

        foreach (var q in r.Quantities)
        {
            sb.Append(CultureInfo.InvariantCulture, $"value '{r.Text[q.Start..q.End]}' clause {q.Clause}: {q.Kind} {q.Number} {q.Unit} base={q.Base} role={q.Role} metric={q.Metric}{(q.Level ? " level" : "")}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"quantified={claim.Quantified} vague={claim.Vague} metric={claim.Metric ?? "null"} consistent={claim.Consistent?.ToString() ?? "null"} score={claim.Score} plausible={claim.Plausible}\n");
        foreach (var flag in claim.Flags)
        {
            sb.Append("flag: ").Append(flag).Append('\n');
        }

        return sb.ToString();
    }
}
