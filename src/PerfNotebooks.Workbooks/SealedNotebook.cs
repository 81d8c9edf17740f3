using PerfNotebooks.Kernel.Notebooks;

namespace PerfNotebooks.Workbooks;

/// <summary>
/// The notebook the grader runs for one learner: the instructor's notebook, every cell of it, except that each cell
/// holding a solution region is the learner's version of that cell (their fix, their judgements). Cells the learner
/// added, and any change they made to other cells, are not in it; so their own check outputs count for nothing.
/// The parameters the learner chose (e.g. <c>runtime = "go"</c>) are read from their parameters cell as literals and
/// injected after the instructor's; the instructor's class-wide values (<c>workbook grade --param</c>) win.
/// </summary>
public sealed record SealedNotebook(NotebookDocument Notebook, IReadOnlySet<string> LearnerCellIds, IReadOnlyList<string> Problems)
{
    public static SealedNotebook Compose(NotebookDocument instructor, NotebookDocument learner, IReadOnlyList<KeyValuePair<string, string>>? classParameters = null)
    {
        var problems = new List<string>();
        var duplicates = learner.Cells.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new BadInputException($"cell id {string.Join(", ", duplicates)} appears more than once; the grader cannot tell which cell is the answer (re-save the notebook from the released copy, keeping one cell per id).");
        }

        var learnerCells = learner.Cells.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var released = WorkbookRelease.Release(instructor);
        var sealedCells = new List<NotebookCell>();
        var answerIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < instructor.Cells.Count; i++)
        {
            var cell = instructor.Cells[i];
            var source = WorkbookRelease.WithoutMarkers(cell.Source);
            if (cell.Kind == CellKind.Code && WorkbookRelease.HasSolution(cell))
            {
                answerIds.Add(cell.Id);
                if (learnerCells.TryGetValue(cell.Id, out var answer) && answer.Kind == CellKind.Code)
                {
                    source = WorkbookRelease.IsExerciseCell(cell)
                        ? ExerciseAnswer(cell, released.Cells[i], answer, i + 1, problems)
                        : answer.Source;
                }
                else
                {
                    problems.Add($"no code cell with id {cell.Id} (cell {i + 1} of the workbook); graded as not answered");
                    source = released.Cells[i].Source;
                }
            }

            sealedCells.Add(new NotebookCell { Id = cell.Id, Kind = cell.Kind, Source = source, Language = cell.Language, Metadata = (System.Text.Json.Nodes.JsonObject)cell.Metadata.DeepClone() });
        }

        var composed = new NotebookDocument { Metadata = (System.Text.Json.Nodes.JsonObject)instructor.Metadata.DeepClone(), Cells = sealedCells };
        InjectParameters(composed, learner, classParameters ?? [], problems);
        return new SealedNotebook(composed, answerIds, problems);
    }

    /// <summary>The learner's literal parameter values that differ from the defaults, then the class's, as one injected cell.</summary>
    private static void InjectParameters(NotebookDocument composed, NotebookDocument learner, IReadOnlyList<KeyValuePair<string, string>> classParameters, List<string> problems)
    {
        var declared = NotebookParameters.Declared(composed);
        var defaults = NotebookParameters.Assigned(composed);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in NotebookParameters.Assigned(learner).Where(p => declared.ContainsKey(p.Key)))
        {
            if (value is null)
            {
                problems.Add($"parameter '{name}': the parameters cell sets it to code, not a literal; graded with the workbook's default");
            }
            else if (!defaults.TryGetValue(name, out var byDefault) || byDefault != value)
            {
                values[name] = value;
            }
        }

        foreach (var (name, value) in classParameters)
        {
            values[name] = value;
        }

        try
        {
            NotebookParameters.Inject(composed, [.. values], "the workbook");
        }
        catch (BadInputException e)
        {
            // A learner's value its type cannot hold (count = 2.5 for an int): grade with the class's values alone,
            // which the grader checked before any learner ran.
            problems.Add($"parameters: {e.Message.Replace("--param ", "", StringComparison.Ordinal)}; graded with the workbook's defaults");
            NotebookParameters.Inject(composed, classParameters, "the workbook");
        }
    }

    /// <summary>
    /// A fix cell's answer is only the code between the released cell's first and last lines (the raw string the
    /// server compiles), put back into the instructor's cell: the learner's code runs in the server, never in the
    /// grading kernel.
    /// </summary>
    private static string ExerciseAnswer(NotebookCell instructor, NotebookCell released, NotebookCell answer, int cellNumber, List<string> problems)
    {
        var template = released.Source.Split('\n');
        var lines = answer.Source.TrimEnd('\n').Split('\n');
        var head = template.TakeWhile(l => !l.Contains("\"\"\"\"", StringComparison.Ordinal)).Count() + 1;
        var tail = template.Length - Array.FindLastIndex(template, l => l.TrimStart().StartsWith("\"\"\"\"", StringComparison.Ordinal));
        var code = lines.Length >= head + tail && lines.Take(head).SequenceEqual(template.Take(head)) && lines.TakeLast(tail).SequenceEqual(template.TakeLast(tail))
            ? lines.Skip(head).SkipLast(tail).ToList()
            : null;
        if (code is null || code.Any(l => l.Contains("\"\"\"\"", StringComparison.Ordinal)))
        {
            problems.Add($"cell {cellNumber}: the fix cell's lines around the code were changed (or the code holds four quotes); only the code inside the string is graded, and none was found");
            return released.Source;
        }

        var graded = new List<string>();
        var inSolution = false;
        foreach (var line in instructor.Source.Split('\n'))
        {
            var marker = line.Trim();
            if (marker.StartsWith(WorkbookRelease.ExerciseSolution, StringComparison.Ordinal))
            {
                inSolution = true;
                graded.AddRange(code);
            }
            else if (marker == WorkbookRelease.EndSolution && inSolution)
            {
                inSolution = false;
            }
            else if (!inSolution)
            {
                graded.Add(line);
            }
        }

        return string.Join('\n', graded);
    }
}
