using System.Globalization;
using System.Text;
using PerfNotebooks.Display;
using PerfNotebooks.Plots;

namespace PerfNotebooks.Workbooks;

/// <summary>One checkpoint across the class.</summary>
public sealed record CheckpointRate(string Checkpoint, int Passed, int Learners)
{
    public double Rate => Learners == 0 ? 0 : (double)Passed / Learners;
}

/// <summary>
/// The instructor's view of a graded class: per checkpoint, how many learners passed it (out of everyone
/// graded: a learner whose notebook never reached a checkpoint has not passed it), as a CSV and an HTML page
/// with a pass-rate chart (95% intervals: a class of 12 gives wide ones).
/// </summary>
public static class ClassSummary
{
    public static IReadOnlyList<CheckpointRate> Rates(IReadOnlyList<LearnerGrade> grades)
    {
        var names = grades.SelectMany(g => g.Checkpoints.Keys).Distinct(StringComparer.Ordinal);
        return [.. names.Select(n => new CheckpointRate(n, grades.Count(g => g.Checkpoints.TryGetValue(n, out var ok) && ok), grades.Count))];
    }

    public static string ToCsv(IReadOnlyList<CheckpointRate> rates)
    {
        var csv = new StringBuilder("checkpoint,passed,learners,pass_rate\n");
        foreach (var r in rates)
        {
            var name = r.Checkpoint.Contains(',', StringComparison.Ordinal) || r.Checkpoint.Contains('"', StringComparison.Ordinal)
                ? "\"" + r.Checkpoint.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : r.Checkpoint;
            csv.Append(CultureInfo.InvariantCulture, $"{name},{r.Passed},{r.Learners},{r.Rate:0.###}\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// Writes class-summary.csv and class-summary.html into <paramref name="folder"/>; returns their paths, or null when
    /// no learner reached a checkpoint (sealed grading scores such a class 0 each: a real result, with no rate to chart).
    /// </summary>
    public static (string Csv, string Html)? Write(IReadOnlyList<LearnerGrade> grades, string folder, string workbook)
    {
        var rates = Rates(grades);
        if (rates.Count == 0)
        {
            return null;
        }

        var csv = Path.Combine(folder, "class-summary.csv");
        SafeFile.WriteText(csv, ToCsv(rates));
        var table = new StringBuilder($"# {workbook}: {grades.Count} learners\n\n| checkpoint | passed | pass rate |\n|---|---|---|\n");
        foreach (var r in rates)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {r.Checkpoint} | {r.Passed}/{r.Learners} | {r.Rate:P0} |\n");
        }

        var chart = Charts.Rates(rates.Select(r => (r.Checkpoint, r.Passed, r.Learners)), title: $"{workbook}: learners passing each checkpoint", yTitle: "% of learners");
        var html = Path.Combine(folder, "class-summary.html");
        new HtmlReport($"{workbook}: class summary").AddMarkdown(table.ToString()).AddValue(chart).Save(html);
        return (csv, html);
    }
}
