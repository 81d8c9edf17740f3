using System.Text.Json.Nodes;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>The first place two JSON answers differ, as a path and both values ("[2].orders[0].status: ...").</summary>
internal static class JsonDiff
{
    /// <returns>null when equal (after dropping <paramref name="ignored"/> properties at any depth).</returns>
    public static string? First(JsonNode? expected, JsonNode? actual, IReadOnlySet<string> ignored, string path = "")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (name, value) in e)
                {
                    if (ignored.Contains(name))
                    {
                        continue;
                    }

                    if (!a.ContainsKey(name))
                    {
                        return $"{Join(path, name)}: missing from yours (reference: {Show(value)})";
                    }

                    if (First(value, a[name], ignored, Join(path, name)) is { } inner)
                    {
                        return inner;
                    }
                }

                var extra = a.Select(p => p.Key).FirstOrDefault(k => !ignored.Contains(k) && !e.ContainsKey(k));
                return extra is null ? null : $"{Join(path, extra)}: only in yours ({Show(a[extra])})";
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    if (First(e[i], a[i], ignored, $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return e.Count == a.Count
                    ? null
                    : $"{(path.Length == 0 ? "the list" : path)}: {a.Count} items in yours, {e.Count} in the reference"
                        + (a.Count > e.Count ? $" (first extra: {Show(a[e.Count])})" : $" (first missing: {Show(e[a.Count])})");
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{(path.Length == 0 ? "the answer" : path)}: reference {Show(expected)}, yours {Show(actual)}";
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}
