using System.Text.Json.Nodes;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>A Jupyter MIME bundle: data keyed by MIME type, plus per-type metadata.</summary>
public sealed record MimeBundle(JsonObject Data, JsonObject Metadata)
{
    public static MimeBundle PlainText(string text) => new(new JsonObject { ["text/plain"] = text }, []);

    /// <summary>
    /// Formats a value for display: scalars as plain text, everything else through PerfNotebooks' formatters
    /// (<see cref="Notebook.MimeBundle(object?)"/>: DataFrames, offline charts, flame graphs, result types),
    /// which sit on Microsoft.DotNet.Interactive.Formatting so formatters registered for Polyglot apply too.
    /// </summary>
    public static MimeBundle From(object? value)
    {
        if (value is MimeBundle bundle)
        {
            return bundle;
        }

        var data = new JsonObject();
        if (value is string or char or bool or Enum or DateTime or DateTimeOffset or TimeSpan or Guid || (value is not null && (value.GetType().IsPrimitive || value is decimal)))
        {
            // Scalars read best as plain text; an HTML table of one value only adds noise.
            data["text/plain"] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            return new MimeBundle(data, []);
        }

        var representations = value is IMimeRenderable renderable ? renderable.ToMimeBundle() : Notebook.MimeBundle(value);
        foreach (var (mime, text) in representations)
        {
            data[mime] = IsJson(mime) ? JsonNode.Parse(text) : text;
        }

        if (!data.ContainsKey("text/plain"))
        {
            data["text/plain"] = value?.ToString() ?? "null";
        }

        return new MimeBundle(data, []);
    }

    private static bool IsJson(string mime) => mime.EndsWith("json", StringComparison.Ordinal);
}
