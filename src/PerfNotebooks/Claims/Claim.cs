namespace PerfNotebooks.Claims;

/// <summary>One resume bullet and what the analyzer found in it.</summary>
/// <param name="File">The file it came from, or "text" for a string.</param>
/// <param name="Line">1-based line (paragraph for .docx, reading-order line for .pdf).</param>
/// <param name="Text">The bullet with its marker stripped.</param>
/// <param name="Quantified">A performance outcome with at least one number tied to a performance metric.</param>
/// <param name="Vague">A performance skill or outcome with no number.</param>
/// <param name="Metric">latency, duration, throughput, memory, cpu, cost, error_rate, size, other, or null.</param>
/// <param name="Consistent">Whether a stated change agrees with the before/after values; null when there is nothing to check.</param>
/// <param name="Reproducibility">Baseline, percentile, workload, hardware, tool, and their score.</param>
/// <param name="Plausible">False when a value falls outside the reference ranges in datasets/claims/reference-ranges.csv.</param>
/// <param name="Values">Every number found, with units and roles.</param>
/// <param name="Flags">Short sentences explaining each problem, including a suggested rewrite.</param>
/// <param name="Rewrite">A suggested rewrite for a vague or inconsistent claim; otherwise null.</param>
public sealed record Claim(
    string File,
    int Line,
    string Text,
    bool Quantified,
    bool Vague,
    string? Metric,
    bool? Consistent,
    Reproducibility Reproducibility,
    bool Plausible,
    IReadOnlyList<ClaimValue> Values,
    IReadOnlyList<string> Flags,
    string? Rewrite)
{
    /// <summary>The reproducibility score, 0–5.</summary>
    public int Score => Reproducibility.Score;
}
