using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Perfolizer.Metrology;
using Pragmastat;

namespace PerfNotebooks.Load;

/// <summary>
/// Distribution-free two-sample statistics: Hodges–Lehmann shift (median of all after−before differences)
/// with its Mann–Whitney-based confidence interval, the Mann–Whitney two-sided p-value (Perfolizer) and an
/// effect size (Pragmastat disparity: the shift in units of the samples' spread).
/// </summary>
internal static class ShiftTest
{
    public sealed record Outcome(double Shift, double CiLow, double CiHigh, double Confidence, double PValue, double? EffectSize);

    public static Outcome Run(IReadOnlyList<double> before, IReadOnlyList<double> after, double alpha = 0.05)
    {
        var x = new Sample([.. before]);
        var y = new Sample([.. after]);
        var shift = Toolkit.Shift(y, x).NominalValue;
        var p = MannWhitneyTest.Instance.Perform(x, y, AlternativeHypothesis.TwoSides, Threshold.Zero).PValue.Value;
        double? effect = null;
        if (after.Concat(before).Distinct().Count() > 1)
        {
            var d = Toolkit.Disparity(y, x).NominalValue;
            effect = double.IsFinite(d) ? d : null;
        }

        var (low, high, confidence) = ConfidenceInterval(before, after, alpha);
        return new Outcome(shift, low, high, confidence, double.IsNaN(p) ? 1 : p, effect);
    }

    /// <summary>The smallest two-sided p-value Mann–Whitney can reach with these sample sizes.</summary>
    public static double SmallestPValue(int n, int m) => 2 * Cdf(n, m, 1);

    private static (double Low, double High, double Confidence) ConfidenceInterval(IReadOnlyList<double> before, IReadOnlyList<double> after, double alpha)
    {
        var diffs = new double[before.Count * after.Count];
        var k = 0;
        foreach (var a in after)
        {
            foreach (var b in before)
            {
                diffs[k++] = a - b;
            }
        }

        Array.Sort(diffs);
        // C = how many differences to cut from each end: the largest C with P(U < C) <= alpha/2.
        var c = 0;
        while (c < diffs.Length / 2 && Cdf(before.Count, after.Count, c + 1) <= alpha / 2)
        {
            c++;
        }

        if (c == 0)
        {
            return (diffs[0], diffs[^1], 1 - (2 * Cdf(before.Count, after.Count, 1)));
        }

        return (diffs[c - 1], diffs[^c], 1 - (2 * Cdf(before.Count, after.Count, c)));
    }

    /// <summary>P(U &lt; u) under no difference (Perfolizer's convention).</summary>
    private static double Cdf(int n, int m, int u) =>
        n * m <= 400 ? MannWhitneyClassicExactCdf.Instance.Cdf(n, m, u) : MannWhitneyNormalApproxCdf.Instance.Cdf(n, m, u);
}
