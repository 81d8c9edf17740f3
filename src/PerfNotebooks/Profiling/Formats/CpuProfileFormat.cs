using System.Text.Json;

namespace PerfNotebooks.Profiling.Formats;

/// <summary>
/// Reads a V8 CPU profile: the DevTools protocol's Profiler.stop result, Chrome's and <c>node --cpu-prof</c>'s
/// .cpuprofile files. Nodes form a tree (id, callFrame, children, hitCount); samples list the leaf node id of each
/// tick. Frames are named "function (file:line)"; V8's "(idle)" ticks count as waiting, not CPU.
/// </summary>
internal static class CpuProfileFormat
{
    public static StackRecording Read(JsonElement profile, string source)
    {
        if (profile.ValueKind != JsonValueKind.Object || !profile.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
        {
            throw new BadInputException($"{source} is not a V8 CPU profile (no \"nodes\" array); pass a .cpuprofile from node --cpu-prof, Chrome DevTools or the inspector.");
        }

        var names = new Dictionary<long, string>();
        var parents = new Dictionary<long, long>();
        var hits = new Dictionary<long, long>();
        foreach (var node in nodes.EnumerateArray())
        {
            var id = node.GetProperty("id").GetInt64();
            names[id] = FrameName(node.GetProperty("callFrame"));
            if (node.TryGetProperty("children", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    parents[child.GetInt64()] = id;
                }
            }

            if (node.TryGetProperty("hitCount", out var hitCount))
            {
                hits[id] = hitCount.GetInt64();
            }
        }

        // "samples" is per tick and exact; hitCount is its summary (some writers give only that).
        if (profile.TryGetProperty("samples", out var perTick) && perTick.ValueKind == JsonValueKind.Array && perTick.GetArrayLength() > 0)
        {
            hits.Clear();
            foreach (var tick in perTick.EnumerateArray())
            {
                var id = tick.GetInt64();
                hits[id] = hits.GetValueOrDefault(id) + 1;
            }
        }

        var samples = new List<StackSample>();
        foreach (var (id, count) in hits)
        {
            if (count <= 0 || !names.ContainsKey(id))
            {
                continue;
            }

            var frames = new List<string>();
            for (var (at, depth) = (id, 0); depth < 10_000; depth++)
            {
                if (parents.ContainsKey(at) || names[at] != "(root)")
                {
                    frames.Add(names[at]);
                }

                if (!parents.TryGetValue(at, out var parent) || !names.ContainsKey(parent))
                {
                    break;
                }

                at = parent;
            }

            frames.Reverse();
            samples.Add(new StackSample([.. frames], count, OnCpu: names[id] != "(idle)"));
        }

        var seconds = profile.TryGetProperty("startTime", out var start) && profile.TryGetProperty("endTime", out var end)
            ? Math.Max(0, (end.GetDouble() - start.GetDouble()) / 1e6)
            : 0;
        var ticks = samples.Sum(s => s.Weight);
        return new StackRecording(samples, seconds) { PeriodNanos = ticks > 0 && seconds > 0 ? (long)(seconds * 1e9 / ticks) : 0 };
    }

    public static StackRecording Parse(string json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Read(doc.RootElement, source);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BadInputException($"{source} is not a readable V8 CPU profile ({e.Message}); pass a .cpuprofile from node --cpu-prof, Chrome DevTools or the inspector.", e);
        }
    }

    private static string FrameName(JsonElement callFrame)
    {
        var function = callFrame.TryGetProperty("functionName", out var f) ? f.GetString() ?? string.Empty : string.Empty;
        var url = callFrame.TryGetProperty("url", out var u) ? u.GetString() ?? string.Empty : string.Empty;
        if (url.Length == 0)
        {
            // V8's pseudo-frames keep their "(program)" names; built-ins without a script are tagged native.
            return function.StartsWith('(') ? function : $"{(function.Length == 0 ? "(anonymous)" : function)} [native]";
        }

        var line = callFrame.TryGetProperty("lineNumber", out var l) ? l.GetInt32() + 1 : 0;
        return $"{(function.Length == 0 ? "(anonymous)" : function)} ({ShortUrl(url)}:{line})";
    }

    /// <summary>"file:///srv/app/primes.js" → "primes.js"; Node's own "node:internal/timers" and "…/node_modules/pg/lib/client.js" keep what tells them apart.</summary>
    public static string ShortUrl(string url)
    {
        var modules = url.LastIndexOf("node_modules/", StringComparison.Ordinal);
        if (modules >= 0)
        {
            return url[modules..];
        }

        if (url.StartsWith("node:", StringComparison.Ordinal))
        {
            return url;
        }

        var slash = url.LastIndexOf('/');
        return slash >= 0 ? url[(slash + 1)..] : url;
    }
}
