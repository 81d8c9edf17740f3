using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Kernel.Workbooks;

/// <summary>One learner's checkpoints after grading.</summary>
public sealed record LearnerGrade(string Learner, IReadOnlyDictionary<string, bool> Checkpoints, string? Failure)
{
    public int Passed => Checkpoints.Count(c => c.Value);
}

/// <summary>
/// Grades collected learner notebooks: restores the instructor's check cells (hidden checks included),
/// runs each notebook headless, and reads the checkpoint results from its outputs.
/// </summary>
public static class WorkbookGrader
{
    public static async Task<IReadOnlyList<LearnerGrade>> GradeAsync(NotebookDocument instructor, IEnumerable<string> learnerNotebooks, RunOptions options, CancellationToken cancellation)
    {
        var checkCells = instructor.Cells.Where(WorkbookRelease.HasHiddenChecks).ToDictionary(c => c.Id);
        var grades = new List<LearnerGrade>();
        foreach (var path in learnerNotebooks)
        {
            var learner = NotebookDocument.Load(path);
            foreach (var cell in learner.Cells)
            {
                if (checkCells.TryGetValue(cell.Id, out var original))
                {
                    cell.Source = StripMarkers(original.Source);
                }
            }

            // Checkpoints live in static state in this process: one learner's must not show in the next one's summary.
            PerfNotebooks.Workbooks.Check.Reset();
            var report = await NotebookRunner.RunAsync(learner, Path.GetDirectoryName(Path.GetFullPath(path))!, options with { AllowErrors = true }, cancellation);
            var checkpoints = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var output in learner.Cells.SelectMany(c => c.Outputs).OfType<JsonObject>())
            {
                if (output["data"]?[CheckResult.MimeType] is JsonNode check)
                {
                    var node = check is JsonValue v && v.TryGetValue<string>(out var text) ? JsonNode.Parse(text)! : check;
                    checkpoints[(string?)node["checkpoint"] ?? "?"] = (bool?)node["passed"] ?? false;
                }
            }

            grades.Add(new LearnerGrade(LearnerName(path), checkpoints, report.FirstError is null ? null : $"cell {report.FirstFailedCell}: {report.FirstError.Name}"));
        }

        return grades;
    }

    /// <summary>learner, one 0/1 column per checkpoint (union over learners), passed, total, first failure.</summary>
    public static string ToCsv(IReadOnlyList<LearnerGrade> grades)
    {
        var names = grades.SelectMany(g => g.Checkpoints.Keys).Distinct(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', new[] { "learner" }.Concat(names).Concat(["passed", "total", "first_failure"]).Select(Quote)).Append('\n');
        foreach (var grade in grades)
        {
            var cells = new[] { grade.Learner }
                .Concat(names.Select(n => grade.Checkpoints.TryGetValue(n, out var ok) && ok ? "1" : "0"))
                .Concat([grade.Passed.ToString(CultureInfo.InvariantCulture), names.Count.ToString(CultureInfo.InvariantCulture), grade.Failure ?? ""]);
            csv.AppendJoin(',', cells.Select(Quote)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>A notebook that shows the grades as a table and loads the CSV into a DataFrame for exploring.</summary>
    public static NotebookDocument ToNotebook(IReadOnlyList<LearnerGrade> grades, string csvFileName)
    {
        var names = grades.SelectMany(g => g.Checkpoints.Keys).Distinct(StringComparer.Ordinal).ToList();
        var table = new StringBuilder("| learner | " + string.Join(" | ", names) + " | passed |\n|---|" + string.Concat(names.Select(_ => "---|")) + "---|\n");
        foreach (var grade in grades)
        {
            table.Append("| ").Append(grade.Learner).Append(" | ")
                .AppendJoin(" | ", names.Select(n => grade.Checkpoints.TryGetValue(n, out var ok) && ok ? "✔" : "✘"))
                .Append(" | ").Append(grade.Passed).Append('/').Append(names.Count).Append(" |\n");
        }

        return new NotebookDocument
        {
            Cells =
            [
                new NotebookCell { Kind = CellKind.Markdown, Source = "# Grades\n\n" + table },
                new NotebookCell { Kind = CellKind.Code, Source = $"var grades = DataFrame.LoadCsv(\"{csvFileName}\");\ngrades" },
            ],
        };
    }

    private static string StripMarkers(string source) => string.Join('\n', source.Split('\n').Where(l =>
        l.Trim() is not (WorkbookRelease.BeginHidden or WorkbookRelease.EndHidden or WorkbookRelease.BeginSolution or WorkbookRelease.EndSolution)));

    private static string LearnerName(string path)
    {
        var file = Path.GetFileNameWithoutExtension(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return folder is not null && Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(path))!, "*.ipynb").Length == 1 ? folder : file;
    }

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
