using System.Collections;
using Microsoft.Data.Analysis;

namespace PerfNotebooks.Claims;

/// <summary>
/// The claims found in one or more resumes, one row per bullet. Convert with <see cref="ToDataFrame"/>; summarise
/// with <see cref="ByMetric"/> and <see cref="ByFile"/>; filter with <see cref="Quantified"/>, <see cref="Vague"/>,
/// <see cref="Inconsistent"/>.
/// </summary>
public sealed class ClaimTable : IReadOnlyList<Claim>
{
    /// <summary>The extensions <see cref="FromFolder"/> picks up.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".txt", ".md", ".markdown", ".pdf", ".docx"];

    private readonly List<Claim> claims;

    internal ClaimTable(List<Claim> claims, IReadOnlyList<FileFailure>? failures = null)
    {
        this.claims = claims;
        Failures = failures ?? [];
    }

    /// <summary>Files that could not be read (only from <see cref="FromFiles"/> and <see cref="FromFolder"/>).</summary>
    public IReadOnlyList<FileFailure> Failures { get; }

    /// <inheritdoc />
    public int Count => claims.Count;

    /// <inheritdoc />
    public Claim this[int index] => claims[index];

    /// <summary>Only bullets that are quantified performance claims.</summary>
    public ClaimTable Quantified => Where(c => c.Quantified);

    /// <summary>Only vague performance claims.</summary>
    public ClaimTable Vague => Where(c => c.Vague);

    /// <summary>Only claims whose stated change disagrees with their before/after values.</summary>
    public ClaimTable Inconsistent => Where(c => c.Consistent == false);

    /// <summary>Analyzes a resume file: .txt, .md, .pdf or .docx. Throws <see cref="BadInputException"/> for unreadable files.</summary>
    public static ClaimTable FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ClaimTable(ClaimStream.Analyze(path, ResumeDocument.Stream(path)));
    }

    /// <summary>Analyzes resume text: one item per non-empty line, bullet markers stripped.</summary>
    public static ClaimTable FromText(string text, string source = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ClaimTable(ClaimStream.Analyze(source, ResumeDocument.Lines(text)));
    }

    /// <summary>Analyzes many files; a file that cannot be read is listed in <see cref="Failures"/> and the rest still run.</summary>
    public static ClaimTable FromFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = new List<Claim>();
        var failures = ClaimStream.Run(paths, all.Add);
        return new ClaimTable(all, failures);
    }

    /// <summary>Analyzes every .txt, .md, .pdf and .docx resume in a folder (and its sub-folders), in name order.</summary>
    public static ClaimTable FromFolder(string folder, bool recursive = true)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new BadInputException($"{folder}: no such folder; check the path.");
        }

        var files = Directory.EnumerateFiles(folder, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => SupportedExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal);
        return FromFiles(files);
    }

    /// <summary>The rows that match <paramref name="predicate"/>.</summary>
    public ClaimTable Where(Func<Claim, bool> predicate) => new(claims.Where(predicate).ToList(), Failures);

    /// <summary>
    /// One row per bullet: file, line, text, quantified, vague, metric, consistent, baseline, percentile, workload,
    /// hardware, tool, score, plausible, values, flags.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var file = new StringDataFrameColumn("file");
        var line = new Int32DataFrameColumn("line");
        var text = new StringDataFrameColumn("text");
        var quantified = new BooleanDataFrameColumn("quantified");
        var vague = new BooleanDataFrameColumn("vague");
        var metric = new StringDataFrameColumn("metric");
        var consistent = new BooleanDataFrameColumn("consistent");
        var baseline = new BooleanDataFrameColumn("baseline");
        var percentile = new BooleanDataFrameColumn("percentile");
        var workload = new BooleanDataFrameColumn("workload");
        var hardware = new BooleanDataFrameColumn("hardware");
        var tool = new BooleanDataFrameColumn("tool");
        var score = new Int32DataFrameColumn("score");
        var plausible = new BooleanDataFrameColumn("plausible");
        var values = new StringDataFrameColumn("values");
        var flags = new StringDataFrameColumn("flags");
        foreach (var c in claims)
        {
            file.Append(c.File);
            line.Append(c.Line);
            text.Append(c.Text);
            quantified.Append(c.Quantified);
            vague.Append(c.Vague);
            metric.Append(c.Metric);
            consistent.Append(c.Consistent);
            baseline.Append(c.Reproducibility.Baseline);
            percentile.Append(c.Reproducibility.Percentile);
            workload.Append(c.Reproducibility.Workload);
            hardware.Append(c.Reproducibility.Hardware);
            tool.Append(c.Reproducibility.Tool);
            score.Append(c.Score);
            plausible.Append(c.Plausible);
            values.Append(string.Join("; ", c.Values));
            flags.Append(string.Join(" | ", c.Flags));
        }

        return new DataFrame(file, line, text, quantified, vague, metric, consistent, baseline, percentile, workload, hardware, tool, score, plausible, values, flags);
    }

    /// <summary>
    /// One row per metric (quantified and vague claims): claims, quantified, vague, inconsistent, implausible,
    /// mean reproducibility score of the quantified ones.
    /// </summary>
    public DataFrame ByMetric() => Summarise("metric", c => c.Metric, c => c.Metric is not null);

    /// <summary>One row per resume file: bullets, quantified, vague, inconsistent, implausible, mean score.</summary>
    public DataFrame ByFile() => Summarise("file", c => c.File, _ => true);

    /// <summary>The table as a JSON array, one object per bullet, fields at their defaults left out (the CLI's --format json).</summary>
    public string ToJson() => ClaimWriter.Render(claims, "json");

    /// <summary>The table as CSV, one row per bullet with the DataFrame's columns.</summary>
    public string ToCsv() => ClaimWriter.Render(claims, "csv");

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="writer"/>.</summary>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(ToCsv());
    }

    /// <summary>A fixed-width text table: line, Q(uantified)/V(ague), metric, consistency, score, text.</summary>
    public override string ToString() => ClaimWriter.Render(claims, "table");

    /// <inheritdoc />
    public IEnumerator<Claim> GetEnumerator() => claims.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private DataFrame Summarise(string keyName, Func<Claim, string?> key, Func<Claim, bool> include)
    {
        var keys = new StringDataFrameColumn(keyName);
        var bullets = new Int32DataFrameColumn("claims");
        var quantified = new Int32DataFrameColumn("quantified");
        var vague = new Int32DataFrameColumn("vague");
        var inconsistent = new Int32DataFrameColumn("inconsistent");
        var implausible = new Int32DataFrameColumn("implausible");
        var meanScore = new DoubleDataFrameColumn("mean_score");
        foreach (var group in claims.Where(include).GroupBy(c => key(c) ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            keys.Append(group.Key);
            bullets.Append(group.Count());
            var q = group.Where(c => c.Quantified).ToList();
            quantified.Append(q.Count);
            vague.Append(group.Count(c => c.Vague));
            inconsistent.Append(group.Count(c => c.Consistent == false));
            implausible.Append(group.Count(c => !c.Plausible));
            meanScore.Append(q.Count == 0 ? null : Math.Round(q.Average(c => c.Score), 2));
        }

        return new DataFrame(keys, bullets, quantified, vague, inconsistent, implausible, meanScore);
    }
}
