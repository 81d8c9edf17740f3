using System.Globalization;
using System.Text;
using System.Text.Json;
using PerfNotebooks.Display;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Load;

/// <summary>How one metric moved from before to after, with the evidence for it.</summary>
/// <param name="Shift">Hodges–Lehmann estimate of after − before (negative latency shift = faster).</param>
/// <param name="Confidence">Actual coverage of [CiLow, CiHigh] (exact intervals cannot hit 95% exactly).</param>
/// <param name="EffectSize">Shift in units of the runs' spread (Pragmastat disparity); null when runs do not vary.</param>
public sealed record MetricShift(
    string Metric,
    string Unit,
    double BeforeMedian,
    double AfterMedian,
    double Shift,
    double CiLow,
    double CiHigh,
    double Confidence,
    double PValue,
    double? EffectSize,
    bool Significant,
    string Verdict)
{
    /// <summary>True when the metric got significantly better, false when worse, null when no significant change.</summary>
    internal bool? Better { get; init; }
}

/// <summary>
/// Before/after verdict over several runs per side: per-run percentiles, Hodges–Lehmann shift with a
/// confidence interval, Mann–Whitney p-value and effect size per metric. Says "no significant change" when
/// the data cannot tell the two apart.
/// </summary>
public sealed class LoadComparison : IHtmlRenderable
{
    private const double Alpha = 0.05;

    private LoadComparison(IReadOnlyList<LoadResult> before, IReadOnlyList<LoadResult> after, IReadOnlyList<MetricShift> metrics, string? warning)
    {
        Before = before;
        After = after;
        Metrics = metrics;
        Warning = warning;
    }

    public IReadOnlyList<LoadResult> Before { get; }

    public IReadOnlyList<LoadResult> After { get; }

    /// <summary>p50, p90, p99, mean latency (ms) and throughput (req/s).</summary>
    public IReadOnlyList<MetricShift> Metrics { get; }

    /// <summary>Set when the runs cannot support a verdict (too few of them).</summary>
    public string? Warning { get; }

    public MetricShift this[string metric] => Metrics.First(m => m.Metric == metric);

    /// <summary>One line: which metrics changed significantly, or "no significant change".</summary>
    public string Verdict =>
        Warning ?? (Metrics.Any(m => m.Significant)
            ? string.Join("; ", Metrics.Where(m => m.Significant).Select(m => m.Verdict))
            : $"no significant change (Mann–Whitney, α = {Alpha}, {Before.Count} vs {After.Count} runs)");

    internal static LoadComparison Of(IReadOnlyList<LoadResult> before, IReadOnlyList<LoadResult> after)
    {
        if (before.Count < 2 || after.Count < 2)
        {
            throw new BadInputException($"comparison needs at least 2 runs per side (got {before.Count} before, {after.Count} after); use runs: 5 or more.");
        }

        // A run with no reply has no latency: comparing its absent percentiles as zeros would call it a speed-up.
        foreach (var (side, runs) in new[] { ("before", before), ("after", after) })
        {
            for (var i = 0; i < runs.Count; i++)
            {
                if (runs[i].Latency is null)
                {
                    throw new WorkFailedException($"{side} run {i + 1} had {runs[i].NoSuccessReason}; there is no latency to compare.");
                }
            }
        }

        var smallestP = ShiftTest.SmallestPValue(before.Count, after.Count);
        var warning = smallestP >= Alpha
            ? $"too few runs: with {before.Count} vs {after.Count} runs no difference can reach p < {Alpha} (smallest possible p = {smallestP:0.###}); use 5 or more runs per side."
            : null;
        var metrics = new (string Name, string Unit, bool LowerIsBetter, Func<LoadResult, double> Of)[]
        {
            ("p50", "ms", true, r => r.Latency!.P50),
            ("p90", "ms", true, r => r.Latency!.P90),
            ("p99", "ms", true, r => r.Latency!.P99),
            ("mean", "ms", true, r => r.Latency!.Mean),
            ("rps", "req/s", false, r => r.RequestsPerSecond),
        };
        var shifts = metrics.Select(m => Measure(m.Name, m.Unit, m.LowerIsBetter, [.. before.Select(m.Of)], [.. after.Select(m.Of)])).ToList();
        return new LoadComparison(before, after, shifts, warning);
    }

    internal static MetricShift Measure(string name, string unit, bool lowerIsBetter, double[] before, double[] after)
    {
        var t = ShiftTest.Run(before, after, Alpha);
        var bMedian = Median.Of(before);
        var significant = t.PValue < Alpha && (t.CiLow > 0 || t.CiHigh < 0);
        var ci = CultureInfo.InvariantCulture;
        string verdict;
        bool? better = null;
        if (!significant)
        {
            verdict = string.Create(ci, $"{name}: no significant change (p = {t.PValue:0.###})");
        }
        else
        {
            better = lowerIsBetter ? t.Shift < 0 : t.Shift > 0;
            var relative = bMedian != 0 ? string.Create(ci, $" ({t.Shift / bMedian:+0.#%;-0.#%})") : "";
            verdict = string.Create(ci, $"{name}: {(better.Value ? "better" : "worse")} by {Math.Abs(t.Shift):0.###} {unit}{relative}, CI [{t.CiLow:0.###}, {t.CiHigh:0.###}], p = {t.PValue:0.###}");
        }

        return new MetricShift(name, unit, bMedian, Median.Of(after), t.Shift, t.CiLow, t.CiHigh, t.Confidence, t.PValue, t.EffectSize, significant, verdict) { Better = better };
    }

    /// <summary>Per-run headline numbers and the per-metric statistics, snake_case like <see cref="LoadResult.ToJson"/>.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            WriteRuns(w, "before_runs", Before);
            WriteRuns(w, "after_runs", After);
            w.WriteStartArray("metrics");
            foreach (var m in Metrics)
            {
                w.WriteStartObject();
                w.WriteString("metric", m.Metric);
                w.WriteString("unit", m.Unit);
                w.WriteNumber("before_median", m.BeforeMedian);
                w.WriteNumber("after_median", m.AfterMedian);
                w.WriteNumber("shift", m.Shift);
                w.WriteNumber("ci_low", m.CiLow);
                w.WriteNumber("ci_high", m.CiHigh);
                w.WriteNumber("confidence", m.Confidence);
                w.WriteNumber("p_value", m.PValue);
                if (m.EffectSize is { } e)
                {
                    w.WriteNumber("effect_size", e);
                }
                else
                {
                    w.WriteNull("effect_size");
                }

                w.WriteBoolean("significant", m.Significant);
                w.WriteString("verdict", m.Verdict);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("verdict", Verdict);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRuns(Utf8JsonWriter w, string name, IReadOnlyList<LoadResult> runs)
    {
        w.WriteStartArray(name);
        foreach (var r in runs)
        {
            w.WriteStartObject();
            w.WriteNumber("requests", r.Requests);
            w.WriteNumber("rps", Math.Round(r.RequestsPerSecond, 1));
            w.WriteNumber("errors", r.Errors.Total);
            w.WriteNumber("p50_ms", r.Latency!.P50);
            w.WriteNumber("p90_ms", r.Latency.P90);
            w.WriteNumber("p99_ms", r.Latency.P99);
            w.WriteNumber("mean_ms", Math.Round(r.Latency.Mean, 3));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Per metric: medians, shift, interval, p and a coloured verdict; the too-few-runs warning first.</summary>
    public string ToHtml()
    {
        var html = new ResultHtml("Before/after comparison", FormattableString.Invariant($"{Before.Count} runs before vs {After.Count} runs after (alternating)"));
        if (Warning is not null)
        {
            html.Warning(Warning);
        }

        html.Table(
            ["metric", Cell.FigureHeader("before"), Cell.FigureHeader("after"), Cell.FigureHeader("shift (HL)"), Cell.FigureHeader("CI"), Cell.FigureHeader("p"), "verdict"],
            Metrics.Select(m => (IReadOnlyList<Cell>)
            [
                $"{m.Metric} ({m.Unit})",
                Cell.Figure(m.BeforeMedian),
                Cell.Figure(m.AfterMedian),
                Cell.Figure(m.Shift, "+#,##0.###;-#,##0.###;0", ToneOf(m)),
                new(FormattableString.Invariant($"[{Number(m.CiLow)}, {Number(m.CiHigh)}] {Number(m.Confidence, "0%")}"), Numeric: true),
                Cell.Figure(m.PValue, "0.###"),
                m.Better switch
                {
                    true => new("better" + Relative(m), Tone.Good),
                    false => new("worse" + Relative(m), Tone.Bad),
                    null => Cell.Muted("no significant change"),
                },
            ]));
        html.Line(Cell.Muted(FormattableString.Invariant($"shift = Hodges–Lehmann estimate of after − before; CI at its actual coverage; Mann–Whitney p, α = {Alpha}")));
        return html.ToString();

        static Tone ToneOf(MetricShift m) => m.Better switch { true => Tone.Good, false => Tone.Bad, null => Tone.Plain };

        static string Relative(MetricShift m) => m.BeforeMedian != 0 ? " (" + Number(m.Shift / m.BeforeMedian, "+0.#%;-0.#%") + ")" : "";
    }

    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"{Before.Count} runs before vs {After.Count} runs after (alternating)\n");
        sb.Append(ci, $"{"metric",-6} {"before",12} {"after",12} {"shift (HL)",12} {"CI",26} {"p",7} {"effect",7}\n");
        foreach (var m in Metrics)
        {
            var interval = string.Create(ci, $"[{m.CiLow:0.###}, {m.CiHigh:0.###}] {m.Confidence:0%}");
            sb.Append(ci, $"{m.Metric,-6} {m.BeforeMedian,12:0.###} {m.AfterMedian,12:0.###} {m.Shift,12:+0.###;-0.###;0} {interval,26} {m.PValue,7:0.###} {(m.EffectSize is { } e ? e.ToString("0.##", ci) : "-"),7}\n");
        }

        sb.Append("verdict: ").Append(Verdict).Append('\n');
        return sb.ToString();
    }
}
