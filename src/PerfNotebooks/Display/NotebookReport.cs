using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Display;

/// <summary>Turns an executed Jupyter notebook (.ipynb, nbformat 4) into an offline <see cref="HtmlReport"/>.</summary>
public static partial class NotebookReport
{
    /// <summary>Reads a notebook file and writes its offline report (to a temp file first, then renamed into place).</summary>
    public static void Convert(string ipynbPath, string htmlPath)
    {
        if (!File.Exists(ipynbPath))
        {
            throw new BadInputException($"Notebook '{ipynbPath}' does not exist; pass the path of an .ipynb file.");
        }

        FromIpynb(File.ReadAllText(ipynbPath), Path.GetFileNameWithoutExtension(ipynbPath)).Save(htmlPath);
    }

    /// <summary>Markdown cells, code cells and their stored outputs (streams, results, displays, errors), in order.</summary>
    public static HtmlReport FromIpynb(string ipynbJson, string title = "Notebook")
    {
        JsonObject notebook;
        try
        {
            notebook = JsonNode.Parse(ipynbJson) as JsonObject
                ?? throw new BadInputException("Notebook JSON is not an object; pass an .ipynb file (nbformat 4).");
        }
        catch (JsonException e)
        {
            throw new BadInputException($"Notebook is not valid JSON ({e.Message}); pass an .ipynb file (nbformat 4).", e);
        }

        if (notebook["cells"] is not JsonArray cells)
        {
            throw new BadInputException("Notebook has no \"cells\" array; pass an .ipynb file in nbformat 4.");
        }

        var report = new HtmlReport(title);
        foreach (var cell in cells.OfType<JsonObject>())
        {
            var source = Text(cell["source"]);
            switch ((string?)cell["cell_type"])
            {
                case "markdown":
                    report.AddMarkdown(source);
                    break;
                case "code":
                    report.AddCode(source);
                    foreach (var output in (cell["outputs"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        report.AddOutput(Bundle(output));
                    }

                    break;
                default:
                    break;
            }
        }

        return report;
    }

    private static Dictionary<string, string> Bundle(JsonObject output)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                return new() { [MimeTypes.PlainText] = Text(output["text"]) };
            case "error":
                var traceback = string.Join('\n', (output["traceback"] as JsonArray ?? []).Select(t => Ansi().Replace(Text(t), "")));
                return new() { [MimeTypes.PlainText] = traceback.Length > 0 ? traceback : $"{output["ename"]}: {output["evalue"]}" };
            default:
                var bundle = new Dictionary<string, string>();
                foreach (var (mime, value) in output["data"] as JsonObject ?? [])
                {
                    // JSON MIME types are stored as objects; everything else as a string or a list of lines.
                    bundle[mime] = MimeTypes.IsJson(mime) && value is JsonObject or JsonArray ? value!.ToJsonString() : Text(value);
                }

                return bundle;
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Ansi();
}
