using System.Text.Json;

namespace PerfNotebooks.Claims;

/// <summary>One hand-labelled bullet from datasets/claims/labelled-bullets.jsonl (see its label guide).</summary>
internal sealed record LabelledBullet(
    int Line, string Text, bool Quantified, bool Vague, string? Metric, bool? Consistent,
    bool Baseline, bool Percentile, bool Workload, bool Hardware, bool Tool)
{
    public static List<LabelledBullet> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: no such labels file; pass --labels datasets/claims/labelled-bullets.jsonl.");
        }

        var result = new List<LabelledBullet>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var o = doc.RootElement;
                var metric = o.TryGetProperty("metric", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                MetricNames.Parse(metric);
                bool? consistent = o.TryGetProperty("consistent", out var c) && c.ValueKind is JsonValueKind.True or JsonValueKind.False ? c.GetBoolean() : null;
                result.Add(new LabelledBullet(
                    number, o.GetProperty("text").GetString()!, Flag(o, "quantified"), Flag(o, "vague"), metric, consistent,
                    Flag(o, "baseline"), Flag(o, "percentile"), Flag(o, "workload"), Flag(o, "hardware"), Flag(o, "tool")));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new BadInputException($"{path}:{number}: not a labelled bullet ({e.Message}); each line is one JSON object with at least \"text\".", e);
            }
        }

        return result;
    }

    private static bool Flag(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
