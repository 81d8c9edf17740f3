using System.Text.Json;
using System.Text.Json.Nodes;

namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>
/// Jupyter's nbformat 4 JSON, including notebooks saved by Polyglot Notebooks (kernelspec ".net-csharp",
/// per-cell language in <c>polyglot_notebook.kernelName</c> or <c>dotnet_interactive.language</c>).
/// </summary>
public sealed class IpynbFormat : NotebookFormat
{
    public override NotebookDocument Read(string text, string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text) as JsonObject ?? throw new BadInputException($"'{path}' is not a notebook: its JSON is not an object.");
        }
        catch (JsonException e)
        {
            throw new BadInputException($"'{path}' is not valid notebook JSON ({e.Message}); open it in Jupyter to repair it.", e);
        }

        if (root["cells"] is not JsonArray cells)
        {
            throw new BadInputException($"'{path}' has no \"cells\" array; is it an nbformat 4 notebook?");
        }

        var metadata = root["metadata"] as JsonObject ?? [];
        var defaultLanguage = DefaultLanguage(metadata);
        var document = new NotebookDocument { Metadata = (JsonObject)metadata.DeepClone() };
        foreach (var node in cells.OfType<JsonObject>())
        {
            var kind = (string?)node["cell_type"] switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                _ => CellKind.Raw,
            };
            var cellMetadata = node["metadata"] as JsonObject ?? [];
            document.Cells.Add(new NotebookCell
            {
                Id = (string?)node["id"] ?? Guid.NewGuid().ToString("N")[..12],
                Kind = kind,
                Source = JoinSource(node["source"]),
                Language = CellLanguage(cellMetadata) ?? defaultLanguage,
                Metadata = (JsonObject)cellMetadata.DeepClone(),
                Outputs = node["outputs"] is JsonArray outputs ? (JsonArray)outputs.DeepClone() : [],
                ExecutionCount = (int?)node["execution_count"],
            });
        }

        return document;
    }

    public override string Write(NotebookDocument notebook, string path)
    {
        var metadata = (JsonObject)notebook.Metadata.DeepClone();
        if (metadata["kernelspec"] is null)
        {
            metadata["kernelspec"] = new JsonObject { ["name"] = "perfnb", ["display_name"] = "C# (PerfNotebooks)", ["language"] = "C#" };
        }

        metadata["language_info"] ??= new JsonObject { ["name"] = "C#", ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["pygments_lexer"] = "csharp" };
        var cells = new JsonArray();
        foreach (var cell in notebook.Cells)
        {
            var node = new JsonObject
            {
                ["id"] = cell.Id,
                ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" },
                ["metadata"] = cell.Metadata.DeepClone(),
                ["source"] = SplitSource(cell.Source),
            };
            if (cell.Kind == CellKind.Code)
            {
                node["execution_count"] = cell.ExecutionCount;
                node["outputs"] = cell.Outputs.DeepClone();
            }

            cells.Add(node);
        }

        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string DefaultLanguage(JsonObject metadata)
    {
        if ((string?)metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] is { } polyglot)
        {
            return polyglot;
        }

        return (string?)metadata["kernelspec"]?["language"] switch
        {
            null or "C#" or "csharp" => "csharp",
            var other => other,
        };
    }

    private static string? CellLanguage(JsonObject metadata) =>
        (string?)metadata["polyglot_notebook"]?["kernelName"] ?? (string?)metadata["dotnet_interactive"]?["language"];

    private static string JoinSource(JsonNode? source) => source switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };

    /// <summary>nbformat stores source as lines that keep their newline, the last without one.</summary>
    private static JsonArray SplitSource(string source)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                lines.Add(source[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < source.Length)
        {
            lines.Add(source[start..]);
        }

        return lines;
    }
}
