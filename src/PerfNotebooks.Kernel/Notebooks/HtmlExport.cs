using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Markdig;

namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>
/// A self-contained, offline HTML page of an executed notebook: markdown rendered, code and outputs shown
/// with each output's richest format (HTML before images before text).
/// </summary>
public static class HtmlExport
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static string Render(NotebookDocument notebook, string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n<style>")
            .Append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1b1f24}")
            .Append("pre{background:#f6f8fa;padding:.6rem;overflow:auto;border-radius:4px}.in{border-left:3px solid #4a7bd0}")
            .Append(".err{background:#fdecec;color:#8a1c1c}.count{color:#777;font-size:.8rem}.cell{margin:1rem 0}")
            .Append("</style></head><body>\n");
        foreach (var cell in notebook.Cells)
        {
            html.Append("<div class=\"cell\">");
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    html.Append(Markdig.Markdown.ToHtml(cell.Source, Markdown));
                    break;
                case CellKind.Code:
                    html.Append("<div class=\"count\">[").Append(cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " ").Append("]</div>");
                    html.Append("<pre class=\"in\"><code>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>");
                    foreach (var output in cell.Outputs.OfType<JsonObject>())
                    {
                        html.Append(RenderOutput(output));
                    }

                    break;
                default:
                    html.Append("<pre>").Append(WebUtility.HtmlEncode(cell.Source)).Append("</pre>");
                    break;
            }

            html.Append("</div>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string RenderOutput(JsonObject output) => (string?)output["output_type"] switch
    {
        "stream" => $"<pre{((string?)output["name"] == "stderr" ? " class=\"err\"" : "")}>{WebUtility.HtmlEncode((string?)output["text"])}</pre>",
        "error" => $"<pre class=\"err\">{WebUtility.HtmlEncode(string.Join('\n', (output["traceback"] as JsonArray ?? []).Select(t => (string?)t)))}</pre>",
        _ when output["data"] is JsonObject data => RenderData(data),
        _ => "",
    };

    private static string RenderData(JsonObject data)
    {
        if (Text(data["text/html"]) is { } html)
        {
            return $"<div>{html}</div>";
        }

        if (Text(data["image/svg+xml"]) is { } svg)
        {
            return $"<div>{svg}</div>";
        }

        if (Text(data["image/png"]) is { } png)
        {
            return $"<img alt=\"output\" src=\"data:image/png;base64,{png.Trim()}\">";
        }

        return $"<pre>{WebUtility.HtmlEncode(Text(data["text/plain"]) ?? "")}</pre>";
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value,
        _ => null,
    };
}
