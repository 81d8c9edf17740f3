using System.Globalization;

namespace PerfNotebooks.Claims;

/// <summary>
/// Cross-checks a stated change against the before/after values of the same metric: percentages must agree
/// within 3 points, multipliers within 10%. For times, "% faster" may mean the time fell by that share or the
/// speed rose by it; either reading passes.
/// </summary>
internal static class ConsistencyCheck
{
    public const double PercentTolerance = 3;
    public const double MultiplierTolerance = 0.10;

    /// <summary>Null when nothing can be cross-checked; otherwise whether every stated change agrees.</summary>
    public static bool? Check(BulletReading r, List<string> problems, out string? rewrite)
    {
        rewrite = null;
        bool? result = null;
        var qs = r.Quantities;
        foreach (var change in qs)
        {
            if (change.Role != ValueRole.Change || change.Metric == Metric.None)
            {
                continue;
            }

            var before = NearestBefore(qs, change);
            if (before is null)
            {
                continue;
            }

            var after = qs[before.Partner];
            var b = before.Base;
            var a = after.Base;
            if (b <= 0 || a <= 0 || b == a)
            {
                continue;
            }

            var ok = Agrees(r, change, b, a, out var actual);
            result = (result ?? true) && ok;
            if (!ok)
            {
                var stated = r.Text[change.Start..change.End];
                problems.Add($"Says {stated}, but {Show(r, before)} → {Show(r, after)} is {actual}.");
                rewrite ??= r.Text[..change.Start] + Replacement(change, actual) + r.Text[change.End..];
            }
        }

        return result;
    }

    private static Quantity? NearestBefore(List<Quantity> qs, Quantity change)
    {
        Quantity? best = null;
        var bestDistance = int.MaxValue;
        foreach (var q in qs)
        {
            if (q.Role != ValueRole.Before || q.Partner < 0 || q.Metric != change.Metric)
            {
                continue;
            }

            var distance = Math.Abs(q.Start - change.Start) + (Math.Abs(q.Clause - change.Clause) * 200);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = q;
            }
        }

        return best;
    }

    private static bool Agrees(BulletReading r, Quantity change, double b, double a, out string actual)
    {
        var ratio = Math.Max(a, b) / Math.Min(a, b);
        var relative = Math.Abs(a - b) / b * 100;
        if (change.Kind == ValueKind.Multiplier)
        {
            actual = $"{Format(ratio)}x";
            return Math.Abs(change.Number - ratio) / ratio <= MultiplierTolerance;
        }

        if (change.Unit == "pp")
        {
            var points = Math.Abs(a - b);
            actual = $"{Format(points)} points";
            return Math.Abs(change.Number - points) <= PercentTolerance;
        }

        actual = $"a {Format(relative)}% change";
        if (Math.Abs(change.Number - relative) <= PercentTolerance)
        {
            return true;
        }

        // "75% faster" for 4s -> 1s can mean the time fell 75% or the speed rose 300%.
        if (b > a && change.Kind == ValueKind.Percent)
        {
            var speedup = ((b / a) - 1) * 100;
            if (Math.Abs(change.Number - speedup) <= PercentTolerance && (r.AllCues & Cue.Speed) != 0)
            {
                return true;
            }

            if ((r.AllCues & Cue.Speed) != 0 && change.Number > 100)
            {
                actual = $"{Format(speedup)}% faster";
            }
        }

        return false;
    }

    private static string Replacement(Quantity change, string actual)
    {
        if (change.Kind == ValueKind.Multiplier)
        {
            return actual;
        }

        if (change.Unit == "pp")
        {
            return actual;
        }

        var percent = actual.StartsWith("a ", StringComparison.Ordinal) ? actual[2..actual.IndexOf('%', StringComparison.Ordinal)] : actual[..actual.IndexOf('%', StringComparison.Ordinal)];
        return percent + "%";
    }

    private static string Show(BulletReading r, Quantity q)
    {
        var text = r.Text[q.Start..q.End];
        return q.ExplicitUnit || q.Unit.Length == 0 ? text : text + " " + q.Unit;
    }

    public static string Format(double value) =>
        value >= 100 ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
        : value >= 10 ? value.ToString("0.#", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);
}
