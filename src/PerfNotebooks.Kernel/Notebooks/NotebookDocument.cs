using System.Text.Json.Nodes;

namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>The kind of a notebook cell.</summary>
public enum CellKind
{
    Code,
    Markdown,
    Raw,
}

/// <summary>One cell: its source, language (for Polyglot's multi-language notebooks) and outputs.</summary>
public sealed class NotebookCell
{
    public required CellKind Kind { get; init; }

    public required string Source { get; set; }

    /// <summary>nbformat 4.5's cell id; graders match a learner's cells to the instructor's by it.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>The cell's kernel language: "csharp" for ours; Polyglot cells may name another.</summary>
    public string Language { get; init; } = "csharp";

    public JsonObject Metadata { get; init; } = [];

    public JsonArray Outputs { get; set; } = [];

    public int? ExecutionCount { get; set; }

    public bool IsCSharp => Kind == CellKind.Code && Language is "csharp" or "C#" or "c#";
}

/// <summary>A notebook in any of the formats we read (.ipynb, .dib, C# file-based app), as cells plus notebook metadata.</summary>
public sealed class NotebookDocument
{
    public List<NotebookCell> Cells { get; init; } = [];

    /// <summary>Notebook-level metadata, kept as read so Polyglot's kernelspec and polyglot_notebook survive a round trip.</summary>
    public JsonObject Metadata { get; init; } = [];

    public static NotebookDocument Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new BadInputException($"'{path}' is a folder, not a notebook; give a .ipynb, .dib or .cs file in it.");
        }

        if (!File.Exists(path))
        {
            throw new BadInputException($"notebook '{path}' does not exist; check the path (notebooks live in notebooks/).");
        }

        return NotebookFormat.ForPath(path).Read(File.ReadAllText(path), path);
    }

    /// <summary>Writes to a temporary file beside the target, then renames, so a failure never leaves half a notebook.</summary>
    public void Save(string path) => SafeFile.WriteText(path, NotebookFormat.ForPath(path).Write(this, path));

    /// <summary>An offline HTML report of the notebook and its outputs (plotly.js inlined once, no CDN).</summary>
    public void SaveHtml(string path, string title) =>
        SafeFile.WriteText(path, PerfNotebooks.Display.NotebookReport.FromIpynb(new IpynbFormat().Write(this, path), title).ToHtml());
}
