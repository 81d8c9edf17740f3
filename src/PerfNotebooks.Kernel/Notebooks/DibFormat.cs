using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>
/// Polyglot Notebooks' plain-text format: cells start with a line naming their kernel (<c>#!csharp</c>,
/// <c>#!markdown</c>...); an optional <c>#!meta</c> cell holds the notebook's kernel info as JSON.
/// </summary>
public sealed class DibFormat : NotebookFormat
{
    private static readonly HashSet<string> KernelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "csharp", "c#", "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "markdown", "md", "sql", "kql", "mermaid", "value", "http", "meta",
    };

    public override NotebookDocument Read(string text, string path)
    {
        var document = new NotebookDocument();
        string? kernel = null;
        var body = new StringBuilder();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && KernelNames.Contains(trimmed[2..]))
            {
                Flush(document, kernel, body.ToString(), path);
                kernel = trimmed[2..].ToLowerInvariant();
                body.Clear();
                continue;
            }

            body.Append(line).Append('\n');
        }

        // Text before any #! header is C#, as Polyglot treats it.
        Flush(document, kernel, body.ToString(), path);
        return document;
    }

    public override string Write(NotebookDocument notebook, string path)
    {
        var text = new StringBuilder();
        var kernelInfo = notebook.Metadata["polyglot_notebook"]?["kernelInfo"] ?? new JsonObject
        {
            ["defaultKernelName"] = "csharp",
            ["items"] = new JsonArray { new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" } },
        };
        text.Append("#!meta\n\n").Append(new JsonObject { ["kernelInfo"] = kernelInfo.DeepClone() }.ToJsonString()).Append("\n\n");
        foreach (var cell in notebook.Cells)
        {
            var kernel = cell.Kind == CellKind.Markdown ? "markdown" : cell.Language is "C#" or "c#" ? "csharp" : cell.Language;
            text.Append("#!").Append(kernel).Append("\n\n").Append(WithoutKernelLine(cell.Source, kernel).TrimEnd('\n')).Append("\n\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>A cell that starts with its own kernel's header (Polyglot writes <c>#!csharp</c> into cells) would split in two.</summary>
    private static string WithoutKernelLine(string source, string kernel)
    {
        var firstLine = source.Split('\n', 2)[0].Trim();
        return firstLine.StartsWith("#!", StringComparison.Ordinal) && KernelNames.Contains(firstLine[2..])
            ? (source.Contains('\n', StringComparison.Ordinal) ? source.Split('\n', 2)[1] : "")
            : source;
    }

    private static void Flush(NotebookDocument document, string? kernel, string body, string path)
    {
        var source = body.Trim('\n');
        if (kernel == "meta")
        {
            try
            {
                if (JsonNode.Parse(source) is JsonObject meta && meta["kernelInfo"] is JsonNode info)
                {
                    document.Metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = info.DeepClone() };
                }
            }
            catch (JsonException e)
            {
                throw new BadInputException($"'{path}': the #!meta cell is not valid JSON ({e.Message}).", e);
            }

            return;
        }

        if (kernel is null && source.Trim().Length == 0)
        {
            return;
        }

        var language = kernel switch { null or "c#" => "csharp", "md" => "markdown", _ => kernel };
        document.Cells.Add(new NotebookCell
        {
            Kind = language == "markdown" ? CellKind.Markdown : CellKind.Code,
            Source = source,
            Language = language == "markdown" ? "csharp" : language,
            Metadata = language is "markdown" or "csharp" ? [] : new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = language } },
        });
    }
}
