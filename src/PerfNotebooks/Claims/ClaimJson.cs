using System.Text.Encodings.Web;
using System.Text.Json;

namespace PerfNotebooks.Claims;

/// <summary>Writes claims as one JSON array (the CLI's --format json and <see cref="ClaimTable.ToJson"/>).</summary>
internal static class ClaimJson
{
    public static void Write(IEnumerable<Claim> claims, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var c in claims)
            {
                WriteClaim(json, c);
            }

            json.WriteEndArray();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        writer.Write('\n');
    }

    private static void WriteClaim(Utf8JsonWriter json, Claim c)
    {
        json.WriteStartObject();
        json.WriteString("file", c.File);
        json.WriteNumber("line", c.Line);
        json.WriteString("text", c.Text);
        json.WriteBoolean("quantified", c.Quantified);
        json.WriteBoolean("vague", c.Vague);
        if (c.Metric is null)
        {
            json.WriteNull("metric");
        }
        else
        {
            json.WriteString("metric", c.Metric);
        }

        if (c.Consistent is { } consistent)
        {
            json.WriteBoolean("consistent", consistent);
        }
        else
        {
            json.WriteNull("consistent");
        }

        json.WriteStartObject("reproducibility");
        json.WriteBoolean("baseline", c.Reproducibility.Baseline);
        json.WriteBoolean("percentile", c.Reproducibility.Percentile);
        json.WriteBoolean("workload", c.Reproducibility.Workload);
        json.WriteBoolean("hardware", c.Reproducibility.Hardware);
        json.WriteBoolean("tool", c.Reproducibility.Tool);
        json.WriteNumber("score", c.Score);
        json.WriteEndObject();
        json.WriteBoolean("plausible", c.Plausible);
        json.WriteStartArray("values");
        foreach (var v in c.Values)
        {
            json.WriteStartObject();
            json.WriteString("text", v.Text);
            json.WriteNumber("number", v.Number);
            json.WriteString("unit", v.Unit);
            json.WriteString("kind", v.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("base", v.Base);
            json.WriteString("role", v.Role.ToString().ToLowerInvariant());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("flags");
        foreach (var f in c.Flags)
        {
            json.WriteStringValue(f);
        }

        json.WriteEndArray();
        if (c.Rewrite is null)
        {
            json.WriteNull("rewrite");
        }
        else
        {
            json.WriteString("rewrite", c.Rewrite);
        }

        json.WriteEndObject();
    }
}
