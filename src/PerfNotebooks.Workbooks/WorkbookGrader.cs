using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Notebooks;

namespace PerfNotebooks.Workbooks;

/// <summary>One learner's checkpoints after grading.</summary>
public sealed record LearnerGrade(string Learner, IReadOnlyDictionary<string, bool> Checkpoints, string? Failure)
{
    public int Passed => Checkpoints.Count(c => c.Value);
}

/// <summary>How one sealed notebook ran: the executed notebook as far as it got, and why it stopped early, if it did.</summary>
public sealed record SealedRun(NotebookDocument Executed, string? Failure);

/// <summary>
/// Grades collected learner notebooks, sealed: for each learner it composes the instructor's notebook with the
/// learner's answer cells only (<see cref="SealedNotebook"/>), has <c>run</c> execute it in a fresh process against
/// fresh servers, and reads the checkpoints from the instructor's cells' outputs only. A learner's own check outputs,
/// and cells they added, count for nothing. One learner's failure (unreadable notebook, duplicate ids, a cell that
/// never ends or kills its kernel) is reported on their line; the class goes on.
/// </summary>
public static class WorkbookGrader
{
    public static async Task<IReadOnlyList<LearnerGrade>> GradeAsync(
        NotebookDocument instructor,
        IEnumerable<string> learnerNotebooks,
        Func<NotebookDocument, string, CancellationToken, Task<SealedRun>> run,
        CancellationToken cancellation,
        IReadOnlyList<KeyValuePair<string, string>>? classParameters = null)
    {
        // A wrong class-wide value is the instructor's mistake: say so once, before any learner runs.
        _ = SealedNotebook.Compose(instructor, instructor, classParameters);
        var grades = new List<LearnerGrade>();
        foreach (var path in learnerNotebooks)
        {
            SealedNotebook composed;
            try
            {
                composed = SealedNotebook.Compose(instructor, NotebookDocument.Load(path), classParameters);
            }
            catch (Exception e) when (e is BadInputException or JsonException or InvalidDataException or IOException)
            {
                grades.Add(new LearnerGrade(LearnerName(path), new Dictionary<string, bool>(StringComparer.Ordinal), $"{Path.GetFileName(path)}: {e.Message}"));
                continue;
            }

            var result = await run(composed.Notebook, Path.GetDirectoryName(Path.GetFullPath(path))!, cancellation);
            var failures = composed.Problems.Append(result.Failure).OfType<string>().ToList();
            grades.Add(new LearnerGrade(LearnerName(path), Score(result.Executed, composed.LearnerCellIds), failures.Count == 0 ? null : string.Join("; ", failures)));
        }

        return grades;
    }

    /// <summary>Checkpoints shown by the cells the learner did not write.</summary>
    public static Dictionary<string, bool> Score(NotebookDocument executed, IReadOnlySet<string> learnerCellIds)
    {
        var checkpoints = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var output in executed.Cells.Where(c => !learnerCellIds.Contains(c.Id)).SelectMany(c => c.Outputs).OfType<JsonObject>())
        {
            if (output["data"]?[CheckResult.MimeType] is JsonNode check)
            {
                var node = check is JsonValue v && v.TryGetValue<string>(out var text) ? JsonNode.Parse(text)! : check;
                checkpoints[(string?)node["checkpoint"] ?? "?"] = (bool?)node["passed"] ?? false;
            }
        }

        return checkpoints;
    }

    /// <summary>The first cell whose output is an error, as "cell N: Name", for the grade's failure column.</summary>
    public static string? FirstError(NotebookDocument executed)
    {
        for (var i = 0; i < executed.Cells.Count; i++)
        {
            if (executed.Cells[i].Outputs.OfType<JsonObject>().FirstOrDefault(o => (string?)o["output_type"] == "error") is { } error)
            {
                return $"cell {i + 1}: {(string?)error["ename"]}";
            }
        }

        return null;
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

    private static string LearnerName(string path)
    {
        var file = Path.GetFileNameWithoutExtension(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return folder is not null && Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(path))!, "*.ipynb").Length == 1 ? folder : file;
    }

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
