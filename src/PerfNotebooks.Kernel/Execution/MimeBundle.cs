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

    /// <summary>
    /// The value as exactly the MIME types asked for, as .NET Interactive's <c>display(value, "text/html")</c> does:
    /// a string is taken to already be content of those types; any other value is formatted as each of them.
    /// </summary>
    public static MimeBundle From(object? value, IReadOnlyCollection<string> mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(mimeTypes);
        if (mimeTypes.Count == 0)
        {
            return From(value);
        }

        var data = new JsonObject();
        IReadOnlyDictionary<string, string>? formatted = null;
        foreach (var mime in mimeTypes.Distinct(StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(mime) || !mime.Contains('/', StringComparison.Ordinal))
            {
                throw new ArgumentException($"display(value, \"{mime}\"): '{mime}' is not a MIME type; pass one like \"text/html\", \"text/markdown\" or \"image/svg+xml\".", nameof(mimeTypes));
            }

            string text;
            if (value is string content)
            {
                text = content;
            }
            else
            {
                formatted ??= value is IMimeRenderable renderable ? renderable.ToMimeBundle() : Notebook.MimeBundle(value);
                text = formatted.TryGetValue(mime, out var known) ? known
                    : mime is "text/plain" or "text/html" or "application/json" ? Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, mime)
                    : throw new ArgumentException($"display(value, \"{mime}\"): a {value?.GetType().Name ?? "null"} has no {mime} form (it has {string.Join(", ", formatted.Keys)}); pass one of those, or a string that already is {mime}.", nameof(mimeTypes));
            }

            data[mime] = IsJson(mime) ? ParseJson(mime, text) : text;
        }

        return new MimeBundle(data, []);
    }

    private static JsonNode? ParseJson(string mime, string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ArgumentException($"display(value, \"{mime}\"): the value is not JSON ({e.Message}); pass JSON text or an object.", nameof(mime), e);
        }
    }

    private static bool IsJson(string mime) => mime.EndsWith("json", StringComparison.Ordinal);
}
