using System.Text;
using System.Text.Json;

namespace PerfNotebooks.Profiling;

/// <summary>The profile as JSON with the field names the CLI documents (snake_case, percentages 0-100).</summary>
internal static class ProfileJson
{
    public static string Write(Profile p)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("pid", p.Pid);
            json.WriteNumber("samples", p.Samples);
            json.WriteNumber("waiting_samples", p.WaitingSamples);
            json.WriteNumber("duration_s", Math.Round(p.DurationSeconds, 3));
            json.WriteNumber("analysis_s", Math.Round(p.AnalysisSeconds, 3));
            if (p.PartialReason is not null)
            {
                json.WriteString("partial", p.PartialReason);
            }

            json.WritePropertyName("methods");
            json.WriteStartArray();
            foreach (var m in p.Methods)
            {
                WriteCost(json, m.Name, m.SelfPct, m.TotalPct);
            }

            json.WriteEndArray();
            json.WritePropertyName("hot_path");
            json.WriteStartArray();
            foreach (var name in p.HotPath)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WritePropertyName("hotspot");
            if (p.Hotspot is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStartObject();
                json.WriteString("name", p.Hotspot.Name);
                json.WriteNumber("self_pct", p.Hotspot.SelfPct);
                json.WriteNumber("total_pct", p.Hotspot.TotalPct);
                json.WritePropertyName("underneath");
                json.WriteStartArray();
                foreach (var m in p.Hotspot.Underneath)
                {
                    WriteCost(json, m.Name, m.SelfPct, m.TotalPct);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            // Source lines of the app's code (EventPipe with PDBs), heaviest first: what `pprof list` shows.
            json.WritePropertyName("hot_lines");
            json.WriteStartArray();
            foreach (var line in p.HotLines.Take(50))
            {
                json.WriteStartObject();
                json.WriteString("file", line.File);
                json.WriteNumber("line", line.Line);
                json.WriteNumber("own_pct", Math.Round(line.SamplesPct, 2));
                json.WriteNumber("total_pct", Math.Round(line.TotalPct, 2));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteCounters(json, p);
            if (p.Heap is { } heap)
            {
                json.WritePropertyName("heap_growth");
                json.WriteStartArray();
                foreach (var g in heap.Grew.Take(20))
                {
                    json.WriteStartObject();
                    json.WriteString("type", g.Type);
                    json.WriteNumber("count_delta", g.CountDelta);
                    json.WriteNumber("bytes_delta", g.BytesDelta);
                    json.WritePropertyName("held_by");
                    json.WriteStartArray();
                    foreach (var h in g.HeldBy)
                    {
                        json.WriteStringValue(h);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WritePropertyName("findings");
            json.WriteStartArray();
            foreach (var f in p.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", f.Rule);
                json.WriteString("title", f.Title);
                json.WriteString("cause", f.Cause);
                json.WritePropertyName("evidence");
                json.WriteStartArray();
                foreach (var e in f.Evidence)
                {
                    json.WriteStringValue(e);
                }

                json.WriteEndArray();
                json.WriteString("next_step", f.NextStep);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCost(Utf8JsonWriter json, string name, double self, double total)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteNumber("self_pct", self);
        json.WriteNumber("total_pct", total);
        json.WriteEndObject();
    }

    private static void WriteCounters(Utf8JsonWriter json, Profile p)
    {
        json.WritePropertyName("counters");
        json.WriteStartArray();
        foreach (var c in p.Counters)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            json.WriteString("provider", c.Provider);
            json.WriteString("display_name", c.DisplayName);
            json.WriteString("units", c.Units);
            json.WritePropertyName("points");
            json.WriteStartArray();
            foreach (var point in c.Points)
            {
                json.WriteStartObject();
                json.WriteNumber("t_s", point.Seconds);
                json.WriteNumber("value", point.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
