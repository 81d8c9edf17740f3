namespace PerfNotebooks.Claims;

/// <summary>Finds the five things a reader needs to reproduce a claim.</summary>
internal static class ReproducibilityCheck
{
    public static Reproducibility Find(BulletReading r)
    {
        var baseline = false;
        var workload = false;
        var hardware = false;
        foreach (var q in r.Quantities)
        {
            baseline |= q.Role == ValueRole.Before && q.Metric != Metric.None;
            workload |= q.Role == ValueRole.Workload;
            hardware |= q.Role == ValueRole.Hardware;
            if (!baseline && q.IsPerformanceValue && q.FirstToken > 0)
            {
                var prev = r.Word(q.FirstToken - 1);
                baseline |= prev is "baseline" or "vs" or "vs." or "versus" or "previously" || (r.Word(q.FirstToken - 2) is "compared" or "relative" && prev is "to" or "with");
            }
        }

        var percentile = (r.AllCues & Cue.Percentile) != 0;
        hardware |= (r.AllCues & Cue.Hardware) != 0 || HasInstanceType(r);
        var tool = HasTool(r);
        return new Reproducibility(baseline, percentile, workload, hardware, tool);
    }

    /// <summary>A named benchmarking or profiling tool; "perf" counts only where it names the Linux tool.</summary>
    public static bool HasTool(BulletReading r)
    {
        foreach (var hit in r.Hits)
        {
            if (hit.Has(Cue.Tool))
            {
                return true;
            }

            if (hit.First == hit.Last && r.Word(hit.First) is "perf" && IsPerfTool(r, hit.First))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsPerfTool(BulletReading r, int t)
    {
        var prev = r.Word(t - 1);
        var next = r.Word(t + 1);
        if (next is "improvements" or "improvement" or "gains" or "gain" or "wins" or "win" or "work" or "regressions"
            or "regression" or "issues" or "issue" or "team" or "budget" or "budgets" or "tuning" or "tests" or "testing"
            or "optimization" or "optimizations" or "bugs" or "problems" or "fixes" or "engineering" or "culture" or "review")
        {
            return false;
        }

        return prev is "linux" or "using" or "with" or "via" or "and" or "in" or "ran" or "run" or "used"
            || next is "record" or "stat" or "top" or "trace" or "report" or "and" or "to" or "for" or "sched" or "mem"
            || r.IsSymbol(t + 1, ',') || r.IsSymbol(t + 1, ')') || r.IsSymbol(t - 1, ',') || r.IsSymbol(t - 1, '(')
            || t == r.Tokens.Count - 1;
    }

    /// <summary>Cloud instance types: c5.xlarge, db.r6g.large, n2-standard-8, Standard_D4s_v3.</summary>
    private static bool HasInstanceType(BulletReading r)
    {
        for (var t = 0; t < r.Tokens.Count; t++)
        {
            var w = r.Word(t);
            if (w.Length < 5 || w.IndexOfAny('.', '-', '_') < 0)
            {
                continue;
            }

            var dot = w.LastIndexOf('.');
            if (dot > 0)
            {
                var size = w[(dot + 1)..];
                if (size is "nano" or "micro" or "small" or "medium" or "large" or "metal" || (size.EndsWith("xlarge", StringComparison.Ordinal) && size.Length <= 8))
                {
                    return true;
                }
            }

            if (w.StartsWith("standard_", StringComparison.Ordinal)
                || w.Contains("-standard-", StringComparison.Ordinal) || w.Contains("-highmem-", StringComparison.Ordinal)
                || w.Contains("-highcpu-", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
