using System.Text;
using PerfNotebooks.Kernel.Notebooks;

namespace PerfNotebooks.Kernel.Workbooks;

/// <summary>
/// Makes the learner's copy of a workbook, nbgrader-style: code between <c>// BEGIN SOLUTION</c> and
/// <c>// END SOLUTION</c> becomes a "your code here" stub, and <c>// BEGIN HIDDEN CHECKS</c> …
/// <c>// END HIDDEN CHECKS</c> regions are removed (the grader puts them back). Outputs are cleared.
/// </summary>
public static class WorkbookRelease
{
    public const string BeginSolution = "// BEGIN SOLUTION";
    public const string EndSolution = "// END SOLUTION";
    public const string BeginHidden = "// BEGIN HIDDEN CHECKS";
    public const string EndHidden = "// END HIDDEN CHECKS";

    public static NotebookDocument Release(NotebookDocument instructor)
    {
        var released = new NotebookDocument { Metadata = (System.Text.Json.Nodes.JsonObject)instructor.Metadata.DeepClone() };
        for (var i = 0; i < instructor.Cells.Count; i++)
        {
            var cell = instructor.Cells[i];
            var source = cell.Kind == CellKind.Code ? Strip(cell.Source, i + 1) : cell.Source;
            released.Cells.Add(new NotebookCell { Id = cell.Id, Kind = cell.Kind, Source = source, Language = cell.Language, Metadata = (System.Text.Json.Nodes.JsonObject)cell.Metadata.DeepClone() });
        }

        return released;
    }

    public static bool HasHiddenChecks(NotebookCell cell) => cell.Source.Contains(BeginHidden, StringComparison.Ordinal);

    private static string Strip(string source, int cellNumber)
    {
        var output = new StringBuilder();
        string? open = null;
        foreach (var line in source.Split('\n'))
        {
            var marker = line.Trim();
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
}
