namespace PerfNotebooks.Claims;

/// <summary>
/// The rule-based analyzer: reads one bullet (tokens, lexicon phrases, numbers), decides what each number is,
/// ties numbers to metrics, then scores the claim. No regular expressions: one pass over the text plus small
/// dictionary look-ups, so a large corpus runs at hundreds of thousands of bullets per second on one core.
/// </summary>
internal static class ClaimAnalyzer
{
    private static readonly IReadOnlyList<string> NoFlags = [];

    public static Claim Analyze(string file, int line, string text)
    {
        var r = BulletReading.Read(text);
        ValueRoles.Assign(r);
        MetricTies.Attach(r);

        var metric = Metric.None;
        var quantified = false;
        foreach (var q in r.Quantities)
        {
            if (q.IsPerformanceValue && q.Metric != Metric.None)
            {
                quantified = true;
                metric = q.Metric;
                break;
            }
        }

        var vague = !quantified && HasPerformanceTerm(r);
        if (vague)
        {
            metric = NamedMetric(r);
        }

        List<string>? problems = null;
        bool? consistent = null;
        string? rewrite = null;
        var reproducibility = new Reproducibility(false, false, false, false, false);
        var plausible = true;
        if (quantified)
        {
            problems = new List<string>(4);
            consistent = ConsistencyCheck.Check(r, problems, out rewrite);
            reproducibility = ReproducibilityCheck.Find(r);
            plausible = Plausibility.Check(r, metric, problems);
            var missing = MissingFlags[Mask(reproducibility)];
            if (missing is not null)
            {
                problems.Add(missing);
            }

            if (rewrite is not null)
            {
                problems.Add("Rewrite: " + rewrite);
            }
        }
        else if (vague)
        {
            rewrite = Rewrites.ForVague(metric);
            problems = ["Performance claim with no number: say what was measured, before and after.", "Rewrite: " + rewrite];
        }

        return new Claim(
            file, line, BulletText.WithoutBackticks(text), quantified, vague, metric.Name(), consistent, reproducibility, plausible,
            Values(r), problems ?? NoFlags, rewrite);
    }

    /// <summary>The "hard to reproduce" sentence for each of the 32 combinations, built once.</summary>
    private static readonly string?[] MissingFlags = Enumerable.Range(0, 32).Select(mask =>
    {
        var missing = new Reproducibility((mask & 1) != 0, (mask & 2) != 0, (mask & 4) != 0, (mask & 8) != 0, (mask & 16) != 0).Missing();
        return missing.Count == 0 ? null : $"Hard to reproduce: no {Join(missing)}.";
    }).ToArray();

    private static int Mask(Reproducibility r) =>
        (r.Baseline ? 1 : 0) | (r.Percentile ? 2 : 0) | (r.Workload ? 4 : 0) | (r.Hardware ? 8 : 0) | (r.Tool ? 16 : 0);

    private static string Join(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1];

    private static List<ClaimValue> Values(BulletReading r)
    {
        var values = new List<ClaimValue>(r.Quantities.Count);
        foreach (var q in r.Quantities)
        {
            var kind = q.Kind;
            values.Add(new ClaimValue(r.Text[q.Start..q.End], q.Number, q.Unit, kind, q.Base, q.Role, q.Noun));
        }

        return values;
    }

    /// <summary>A performance skill or outcome is named: a metric, a performance skill, speed words or a tool.</summary>
    private static bool HasPerformanceTerm(BulletReading r)
    {
        var business = (r.AllCues & Cue.Business) != 0;
        foreach (var hit in r.Hits)
        {
            if (hit.Has(Cue.Business) && !hit.Has(Cue.Metric))
            {
                continue;
            }

            if (hit.Has(Cue.Tool))
            {
                return true;
            }

            if (hit.Has(Cue.Weak))
            {
                if (!business)
                {
                    return true;
                }

                continue;
            }

            if (hit.Has(Cue.Metric) && hit.Metric != Metric.None)
            {
                return true;
            }

            if (hit.Has(Cue.Skill))
            {
                return true;
            }

            if (hit.Has(Cue.Speed) && !business)
            {
                return true;
            }
        }

        return false;
    }

    private static Metric NamedMetric(BulletReading r)
    {
        foreach (var hit in r.Hits)
        {
            if (hit.Has(Cue.Metric) && !hit.Has(Cue.Skill) && !hit.Has(Cue.Business) && hit.Metric != Metric.None)
            {
                return hit.Metric;
            }
        }

        foreach (var hit in r.Hits)
        {
            if (hit.Has(Cue.Speed))
            {
                foreach (var weak in r.Hits)
                {
                    if (weak.Has(Cue.WeakMetric) && weak.Metric == Metric.Duration)
                    {
                        return Metric.Duration;
                    }
                }

                return Metric.Latency;
            }
        }

        return Metric.Other;
    }
}
