using System.Text.Json;

namespace PerfNotebooks.Profiling;

/// <summary>Writes the CPU and waiting trees as two "sampled" profiles in speedscope's file format.</summary>
internal static class SpeedscopeExport
{
    public static void Write(Profile profile, Stream stream)
    {
        var frames = new Dictionary<string, int>(StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("$schema", "https://www.speedscope.app/file-format-schema.json");
        json.WriteString("exporter", "perfnb");
        json.WriteString("name", $"pid {profile.Pid}");
        json.WritePropertyName("profiles");
        json.WriteStartArray();
        WriteProfile(json, "CPU (running managed code)", profile.Cpu, frames);
        WriteProfile(json, "Waiting (blocked, sleeping or in native code)", profile.Waiting, frames);
        json.WriteEndArray();
        json.WritePropertyName("shared");
        json.WriteStartObject();
        json.WritePropertyName("frames");
        json.WriteStartArray();
        foreach (var name in frames.OrderBy(f => f.Value).Select(f => f.Key))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteProfile(Utf8JsonWriter json, string name, CallTreeNode root, Dictionary<string, int> frames)
    {
        var stacks = new List<(int[] Frames, int Weight)>();
        Collect(root, [], stacks, frames);
        json.WriteStartObject();
        json.WriteString("type", "sampled");
        json.WriteString("name", name);
        json.WriteString("unit", "none");
        json.WriteNumber("startValue", 0);
        json.WriteNumber("endValue", root.Total);
        json.WritePropertyName("samples");
        json.WriteStartArray();
        foreach (var (stackFrames, _) in stacks)
        {
            json.WriteStartArray();
            foreach (var f in stackFrames)
            {
                json.WriteNumberValue(f);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WritePropertyName("weights");
        json.WriteStartArray();
        foreach (var (_, weight) in stacks)
        {
            json.WriteNumberValue(weight);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Collect(CallTreeNode node, List<int> path, List<(int[], int)> stacks, Dictionary<string, int> frames)
    {
        foreach (var child in node.Children)
        {
            if (!frames.TryGetValue(child.Name, out var index))
            {
                index = frames.Count;
                frames.Add(child.Name, index);
            }

            path.Add(index);
            if (child.Self > 0)
            {
                stacks.Add(([.. path], child.Self));
            }

            Collect(child, path, stacks, frames);
            path.RemoveAt(path.Count - 1);
        }
    }
}
