using System.Globalization;
using System.Text;

namespace PerfNotebooks.Claims;

/// <summary>
/// How well the analyzer agrees with the labelled bullets: F1 of quantified and vague, metric accuracy,
/// precision and recall of inconsistency, micro-F1 of the five reproducibility booleans, and the seed's
/// three-regex recall of quantified claims for comparison.
/// </summary>
internal sealed class ClaimAccuracy
{
    public int Bullets { get; private init; }

    public double QuantifiedF1 { get; private init; }

    public double VagueF1 { get; private init; }

    public double MetricAccuracy { get; private init; }

    public double InconsistencyPrecision { get; private init; }

    public double InconsistencyRecall { get; private init; }

    public double ReproducibilityMicroF1 { get; private init; }

    public double SeedQuantifiedRecall { get; private init; }

    public IReadOnlyList<string> Mismatches { get; private init; } = [];

    public static ClaimAccuracy Measure(string labelsPath) => Measure(LabelledBullet.Load(labelsPath));

    public static ClaimAccuracy Measure(IReadOnlyList<LabelledBullet> labels)
    {
        var quantified = new Counts();
        var vague = new Counts();
        var inconsistent = new Counts();
        var repro = new Counts();
        var seed = new Counts();
        var metricRight = 0;
        var mismatches = new List<string>();
        foreach (var label in labels)
        {
            var c = ClaimAnalyzer.Analyze("labels", label.Line, label.Text);
            quantified.Add(label.Quantified, c.Quantified);
            vague.Add(label.Vague, c.Vague);
            inconsistent.Add(label.Consistent == false, c.Consistent == false);
            seed.Add(label.Quantified, SeedRegexes.Matches(label.Text));
            var metricOk = string.Equals(label.Metric, c.Metric, StringComparison.Ordinal);
            metricRight += metricOk ? 1 : 0;
            var r = c.Reproducibility;
            repro.Add(label.Baseline, r.Baseline);
            repro.Add(label.Percentile, r.Percentile);
            repro.Add(label.Workload, r.Workload);
            repro.Add(label.Hardware, r.Hardware);
            repro.Add(label.Tool, r.Tool);

            var wrong = new List<string>();
            if (label.Quantified != c.Quantified)
            {
                wrong.Add($"quantified {c.Quantified}");
            }

            if (label.Vague != c.Vague)
            {
                wrong.Add($"vague {c.Vague}");
            }

            if (!metricOk)
            {
                wrong.Add($"metric {c.Metric ?? "null"} (want {label.Metric ?? "null"})");
            }

            if (label.Consistent != c.Consistent)
            {
                wrong.Add($"consistent {c.Consistent?.ToString() ?? "null"} (want {label.Consistent?.ToString() ?? "null"})");
            }

            void Check(string name, bool want, bool got)
            {
                if (want != got)
                {
                    wrong.Add($"{name} {got}");
                }
            }

            Check("baseline", label.Baseline, r.Baseline);
            Check("percentile", label.Percentile, r.Percentile);
            Check("workload", label.Workload, r.Workload);
            Check("hardware", label.Hardware, r.Hardware);
            Check("tool", label.Tool, r.Tool);
            if (wrong.Count > 0)
            {
                mismatches.Add($"line {label.Line}: {string.Join(", ", wrong)}: {label.Text}");
            }
        }

        return new ClaimAccuracy
        {
            Bullets = labels.Count,
            QuantifiedF1 = quantified.F1,
            VagueF1 = vague.F1,
            MetricAccuracy = labels.Count == 0 ? 0 : metricRight / (double)labels.Count,
            InconsistencyPrecision = inconsistent.Precision,
            InconsistencyRecall = inconsistent.Recall,
            ReproducibilityMicroF1 = repro.F1,
            SeedQuantifiedRecall = seed.Recall,
            Mismatches = mismatches,
        };
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        void Line(string name, double value) => sb.Append(CultureInfo.InvariantCulture, $"{name,-34} {value:0.000}\n");
        sb.Append(CultureInfo.InvariantCulture, $"labelled bullets                   {Bullets}\n");
        Line("quantified F1", QuantifiedF1);
        Line("vague F1", VagueF1);
        Line("metric accuracy", MetricAccuracy);
        Line("inconsistency precision", InconsistencyPrecision);
        Line("inconsistency recall", InconsistencyRecall);
        Line("reproducibility micro-F1", ReproducibilityMicroF1);
        Line("seed 3-regex recall of quantified", SeedQuantifiedRecall);
        sb.Append(CultureInfo.InvariantCulture, $"mismatched bullets                 {Mismatches.Count}\n");
        foreach (var m in Mismatches)
        {
            sb.Append("  ").Append(m).Append('\n');
        }

        return sb.ToString();
    }

    private sealed class Counts
    {
        private int truePositive;
        private int falsePositive;
        private int falseNegative;

        public double Precision => truePositive + falsePositive == 0 ? 1 : truePositive / (double)(truePositive + falsePositive);

        public double Recall => truePositive + falseNegative == 0 ? 1 : truePositive / (double)(truePositive + falseNegative);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public void Add(bool expected, bool actual)
        {
            if (expected && actual)
            {
                truePositive++;
            }
            else if (actual)
            {
                falsePositive++;
            }
            else if (expected)
            {
                falseNegative++;
            }
        }
    }
}
