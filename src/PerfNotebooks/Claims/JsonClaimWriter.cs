using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PerfNotebooks.Claims;

/// <summary>
/// One JSON array, one claim object per line. Compact by default: a field at its default (false, null, an
/// empty list, plausible, a value's role "single" or base equal to its number) is left out, and reproducibility
/// is written only for quantified claims; <c>allFields</c> writes every field of every claim.
/// </summary>
internal sealed class JsonClaimWriter : ClaimWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly Stream output;
    private readonly bool allFields;
    private readonly ArrayBufferWriter<byte> buffer = new(1 << 17);
    private readonly Utf8JsonWriter json;
    private bool first = true;

    public JsonClaimWriter(Stream output, bool allFields)
    {
        this.output = output;
        this.allFields = allFields;
        json = new Utf8JsonWriter(buffer, Options);
        buffer.Write("["u8);
    }

    public override void Write(Claim c)
    {
        buffer.Write(first ? "\n"u8 : ",\n"u8);
        first = false;
        json.Reset(buffer);
        WriteClaim(c);
        json.Flush();
        if (buffer.WrittenCount >= 1 << 16)
        {
            Drain();
        }
    }

    public override void Finish()
    {
        buffer.Write(first ? "]\n"u8 : "\n]\n"u8);
        Drain();
        output.Flush();
    }

    public override void Dispose() => json.Dispose();

    private void Drain()
    {
        output.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }

    private void WriteClaim(Claim c)
    {
        var all = allFields;
        json.WriteStartObject();
        json.WriteString("file"u8, c.File);
        json.WriteNumber("line"u8, c.Line);
        json.WriteString("text"u8, c.Text);
        json.WriteBoolean("quantified"u8, c.Quantified);
        if (all || c.Vague)
        {
            json.WriteBoolean("vague"u8, c.Vague);
        }

        if (c.Metric is not null)
        {
            json.WriteString("metric"u8, c.Metric);
        }
        else if (all)
        {
            json.WriteNull("metric"u8);
        }

        if (c.Consistent is { } consistent)
        {
            json.WriteBoolean("consistent"u8, consistent);
        }
        else if (all)
        {
            json.WriteNull("consistent"u8);
        }

        if (all || c.Quantified)
        {
            var r = c.Reproducibility;
            json.WriteStartObject("reproducibility"u8);
            json.WriteBoolean("baseline"u8, r.Baseline);
            json.WriteBoolean("percentile"u8, r.Percentile);
            json.WriteBoolean("workload"u8, r.Workload);
            json.WriteBoolean("hardware"u8, r.Hardware);
            json.WriteBoolean("tool"u8, r.Tool);
            json.WriteNumber("score"u8, r.Score);
            json.WriteEndObject();
        }

        if (all || !c.Plausible)
        {
            json.WriteBoolean("plausible"u8, c.Plausible);
        }

        if (all || c.Values.Count > 0)
        {
            json.WriteStartArray("values"u8);
            foreach (var v in c.Values)
            {
                WriteValue(v, all);
            }

            json.WriteEndArray();
        }

        if (all || c.Flags.Count > 0)
        {
            json.WriteStartArray("flags"u8);
            foreach (var f in c.Flags)
            {
                json.WriteStringValue(f);
            }

            json.WriteEndArray();
        }

        if (c.Rewrite is not null)
        {
            json.WriteString("rewrite"u8, c.Rewrite);
        }
        else if (all)
        {
            json.WriteNull("rewrite"u8);
        }

        json.WriteEndObject();
    }

    private void WriteValue(ClaimValue v, bool all)
    {
        json.WriteStartObject();
        json.WriteString("text"u8, v.Text);
        json.WriteNumber("number"u8, v.Number);
        json.WriteString("unit"u8, v.Unit);
        json.WriteString("kind"u8, KindNames[(int)v.Kind]);
        if (all || v.Base != v.Number)
        {
            json.WriteNumber("base"u8, v.Base);
        }

        if (all || v.Role != ValueRole.Single)
        {
            json.WriteString("role"u8, RoleNames[(int)v.Role]);
        }

        if (v.Noun is not null)
        {
            json.WriteString("noun"u8, v.Noun);
        }

        json.WriteEndObject();
    }

    private static readonly string[] KindNames = Enum.GetNames<ValueKind>().Select(n => n.ToLowerInvariant()).ToArray();

    private static readonly string[] RoleNames = Enum.GetNames<ValueRole>().Select(n => n.ToLowerInvariant()).ToArray();
}
