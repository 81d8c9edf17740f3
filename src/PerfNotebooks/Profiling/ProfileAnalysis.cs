namespace PerfNotebooks.Profiling;

/// <summary>Per-method costs, hot path and hotspot computed from a call tree.</summary>
internal static class ProfileAnalysis
{
    public static (CallTreeNode Cpu, CallTreeNode Waiting) Trees(IEnumerable<ThreadSample> samples)
    {
        var cpu = new CallTreeNode("all");
        var waiting = new CallTreeNode("all");
        foreach (var sample in samples)
        {
            (sample.OnCpu && !WaitsForGc(sample.Frames) ? cpu : waiting).Add(sample.Frames);
        }

        return (cpu, waiting);
    }

    // A thread parked in Thread.PollGC is suspended while a collection runs: it is waiting, not computing.
    private static bool WaitsForGc(string[] frames) =>
        frames.Length > 0 && frames[^1].StartsWith("System.Threading.Thread.PollGC", StringComparison.Ordinal)
        || frames.Length > 1 && frames[^2].StartsWith("System.Threading.Thread.PollGC", StringComparison.Ordinal);

    public static IReadOnlyList<MethodCost> Methods(CallTreeNode root)
    {
        var self = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in root.Children)
        {
            Walk(child, self, total, onPath);
        }

        double all = Math.Max(1, root.Total);
        return [.. total.Select(t =>
            {
                var s = self.GetValueOrDefault(t.Key);
                return new MethodCost(t.Key, s, t.Value, Pct(s, all), Pct(t.Value, all));
            })
            .OrderByDescending(m => m.SelfSamples).ThenByDescending(m => m.TotalSamples).ThenBy(m => m.Name, StringComparer.Ordinal)];
    }

    // Total counts a sample once per method even when the method recurses: only the outermost occurrence adds.
    private static void Walk(CallTreeNode node, Dictionary<string, int> self, Dictionary<string, int> total, Dictionary<string, int> onPath)
    {
        var outermost = !onPath.TryGetValue(node.Name, out var depth) || depth == 0;
        onPath[node.Name] = depth + 1;
        if (outermost)
        {
            total[node.Name] = total.GetValueOrDefault(node.Name) + node.Total;
        }

        self[node.Name] = self.GetValueOrDefault(node.Name) + node.Self;
        foreach (var child in node.Children)
        {
            Walk(child, self, total, onPath);
        }

        onPath[node.Name] = depth;
    }

    public static IReadOnlyList<CallTreeNode> HotNodes(CallTreeNode root)
    {
        var path = new List<CallTreeNode>();
        for (var node = root; node.Children.Count > 0;)
        {
            node = node.Children[0];
            path.Add(node);
        }

        return path;
    }

    public static IReadOnlyList<string> HotPath(CallTreeNode root) => [.. HotNodes(root).Select(n => n.Name)];

    public static Hotspot? FindHotspot(CallTreeNode root) => FindHotspot(root, FrameNames.IsAppCode);

    public static Hotspot? FindHotspot(CallTreeNode root, Func<string, bool> isOwnCode)
    {
        var node = HotNodes(root).LastOrDefault(n => isOwnCode(n.Name));
        if (node is null)
        {
            return null;
        }

        double all = Math.Max(1, root.Total);
        var underneath = node.Children.Take(3).Select(c => new MethodCost(c.Name, c.Self, c.Total, Pct(c.Self, all), Pct(c.Total, all))).ToList();
        var methods = Methods(root).FirstOrDefault(m => m.Name == node.Name);
        return new Hotspot(node.Name, methods?.SelfPct ?? Pct(node.Self, all), methods?.TotalPct ?? Pct(node.Total, all), underneath);
    }

    public static double Pct(int part, double all) => Math.Round(100.0 * part / all, 2);
}
