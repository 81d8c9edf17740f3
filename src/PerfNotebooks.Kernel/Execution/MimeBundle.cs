using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>A Jupyter MIME bundle: data keyed by MIME type, plus per-type metadata.</summary>
public sealed record MimeBundle(JsonObject Data, JsonObject Metadata)
{
    private static readonly string[] DefaultMimeTypes = ["text/plain", "text/html"];

    public static MimeBundle PlainText(string text) => new(new JsonObject { ["text/plain"] = text }, []);

    /// <summary>
    /// Formats a value for display: self-rendering values first, then Microsoft.DotNet.Interactive.Formatting
    /// (so formatters registered for Polyglot apply here too). Strings stay plain text.
    /// </summary>
    public static MimeBundle From(object? value)
    {
        var data = new JsonObject();
        switch (value)
        {
            case null:
                data["text/plain"] = "null";
                break;
            case MimeBundle bundle:
                return bundle;
            case IMimeRenderable renderable:
                foreach (var (mime, text) in renderable.ToMimeBundle())
                {
                    data[mime] = IsJson(mime) ? JsonNode.Parse(text) : text;
                }

                break;
            case string or char or bool or Enum or DateTime or DateTimeOffset or TimeSpan or Guid:
            case var number when number.GetType().IsPrimitive || number is decimal:
                // Scalars read best as plain text; an HTML table of one value only adds noise.
                data["text/plain"] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                break;
            default:
                var mimeTypes = Formatter.GetPreferredMimeTypesFor(value.GetType()).Concat(DefaultMimeTypes).Distinct().ToArray();
                foreach (var formatted in FormattedValue.CreateManyFromObject(value, mimeTypes))
                {
                    data[formatted.MimeType] = IsJson(formatted.MimeType) ? JsonNode.Parse(formatted.Value) : formatted.Value;
                }

                break;
        }

        if (!data.ContainsKey("text/plain"))
        {
            data["text/plain"] = value?.ToString() ?? "null";
        }

        return new MimeBundle(data, []);
    }

    private static bool IsJson(string mime) => mime.EndsWith("json", StringComparison.Ordinal);
}
