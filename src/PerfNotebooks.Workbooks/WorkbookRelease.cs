using System.Text;
using PerfNotebooks.Kernel.Notebooks;

namespace PerfNotebooks.Workbooks;

/// <summary>
/// Makes the learner's copy of a workbook, nbgrader-style: code between <c>// BEGIN SOLUTION</c> and
/// <c>// END SOLUTION</c> becomes a "your code here" stub; <c>// BEGIN SOLUTION: exercise SCENARIO</c> (a fix cell)
/// becomes the scenario's original exercise file, for the learner to change (<c>: exercise SCENARIO go</c> or
/// <c>node</c>: that server's file); <c>// BEGIN HIDDEN CHECKS</c> …
/// <c>// END HIDDEN CHECKS</c> regions are removed (the grader puts them back); in markdown,
/// <c>&lt;!-- BEGIN SOLUTION --&gt;</c> … <c>&lt;!-- END SOLUTION --&gt;</c> (instructor notes) is removed. Outputs are cleared.
/// </summary>
public static class WorkbookRelease
{
    public const string BeginSolution = "// BEGIN SOLUTION";
    public const string EndSolution = "// END SOLUTION";
    public const string BeginHidden = "// BEGIN HIDDEN CHECKS";
    public const string EndHidden = "// END HIDDEN CHECKS";
    public const string ExerciseSolution = BeginSolution + ": exercise ";
    public const string BeginMarkdownSolution = "<!-- BEGIN SOLUTION -->";
    public const string EndMarkdownSolution = "<!-- END SOLUTION -->";

    public static NotebookDocument Release(NotebookDocument instructor)
    {
        var released = new NotebookDocument { Metadata = (System.Text.Json.Nodes.JsonObject)instructor.Metadata.DeepClone() };
        for (var i = 0; i < instructor.Cells.Count; i++)
        {
            var cell = instructor.Cells[i];
            var source = cell.Kind == CellKind.Code ? Strip(cell.Source, i + 1) : StripMarkdown(cell.Source, i + 1);
            released.Cells.Add(new NotebookCell { Id = cell.Id, Kind = cell.Kind, Source = source, Language = cell.Language, Metadata = (System.Text.Json.Nodes.JsonObject)cell.Metadata.DeepClone() });
        }

        return released;
    }

    public static bool HasHiddenChecks(NotebookCell cell) => cell.Source.Contains(BeginHidden, StringComparison.Ordinal);

    /// <summary>Whether the cell is a fix cell: its solution region is an exercise file inside a raw string.</summary>
    public static bool IsExerciseCell(NotebookCell cell) => cell.Source.Split('\n').Any(l => l.Trim().StartsWith(ExerciseSolution, StringComparison.Ordinal));

    /// <summary>Whether the cell holds a solution region: the learner's answer goes there.</summary>
    public static bool HasSolution(NotebookCell cell) => cell.Source.Split('\n').Any(l => l.Trim().StartsWith(BeginSolution, StringComparison.Ordinal));

    /// <summary>The instructor's cell as it runs: every region marker line dropped, the code in them kept.</summary>
    public static string WithoutMarkers(string source) => string.Join('\n', source.Split('\n').Where(l =>
        l.Trim() is not (BeginHidden or EndHidden or EndSolution or BeginMarkdownSolution or EndMarkdownSolution)
        && !l.Trim().StartsWith(BeginSolution, StringComparison.Ordinal)));

    private static string Strip(string source, int cellNumber)
    {
        var output = new StringBuilder();
        string? open = null;
        foreach (var line in source.Split('\n'))
        {
            var marker = line.Trim();
            if (marker.StartsWith(ExerciseSolution, StringComparison.Ordinal))
            {
                if (open is not null)
                {
                    throw new BadInputException($"cell {cellNumber}: '{marker}' inside an open '{open}' region; close it with its END line first.");
                }

                open = BeginSolution;
                var indent = line[..(line.Length - line.TrimStart().Length)];
                foreach (var original in ExerciseFile(marker[ExerciseSolution.Length..]).TrimEnd('\n').Split('\n'))
                {
                    output.Append(original.Length == 0 ? "" : indent + original).Append('\n');
                }

                continue;
            }

            if (marker == BeginSolution || marker == BeginHidden)
            {
                if (open is not null)
                {
                    throw new BadInputException($"cell {cellNumber}: '{marker}' inside an open '{open}' region; close it with its END line first.");
                }

                open = marker;
                if (marker == BeginSolution)
                {
                    var indent = line[..(line.Length - line.TrimStart().Length)];
                    output.Append(indent).Append("// YOUR CODE HERE\n").Append(indent).Append("throw new NotImplementedException(\"Your turn: write this part, then run the cell again.\");\n");
                }

                continue;
            }

            if (marker == EndSolution || marker == EndHidden)
            {
                var expected = marker == EndSolution ? BeginSolution : BeginHidden;
                if (open != expected)
                {
                    throw new BadInputException($"cell {cellNumber}: '{marker}' without a matching '{expected}'.");
                }

                open = null;
                continue;
            }

            if (open is null)
            {
                output.Append(line).Append('\n');
            }
        }

        if (open is not null)
        {
            throw new BadInputException($"cell {cellNumber}: '{open}' is never closed; add its END line.");
        }

        return output.ToString().TrimEnd('\n');
    }

    /// <summary>"SCENARIO" (the .NET file) or "SCENARIO RUNTIME" (e.g. "cpu-hotspot go"): the original file to release.</summary>
    private static string ExerciseFile(string what)
    {
        var words = what.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 2
            ? PerfNotebooks.Servers.ExerciseSources.Original(words[0], words[1])
            : PerfNotebooks.Servers.ExerciseSources.Original(words.FirstOrDefault() ?? "");
    }

    private static string StripMarkdown(string source, int cellNumber)
    {
        var output = new StringBuilder();
        var open = false;
        foreach (var line in source.Split('\n'))
        {
            var marker = line.Trim();
            if (marker == BeginMarkdownSolution || marker == EndMarkdownSolution)
            {
                if (open == (marker == BeginMarkdownSolution))
                {
                    throw new BadInputException($"cell {cellNumber}: '{marker}' {(open ? "inside an open region" : "without a matching BEGIN")}; pair each <!-- BEGIN SOLUTION --> with an <!-- END SOLUTION -->.");
                }

                open = !open;
                continue;
            }

            if (!open)
            {
                output.Append(line).Append('\n');
            }
        }

        if (open)
        {
            throw new BadInputException($"cell {cellNumber}: '{BeginMarkdownSolution}' is never closed; add '{EndMarkdownSolution}'.");
        }

        return output.ToString().TrimEnd('\n');
    }
}
