namespace PerfNotebooks.Profiling;

/// <summary>Questions rules ask of a call tree: how many samples pass through a frame, and which app frame called it.</summary>
internal static class StackQuery
{
    public sealed record Match(int Samples, string? Caller);

    /// <summary>Samples whose stack has a frame matching <paramref name="isTarget"/>, and the app frame above it seen most.</summary>
    public static Match Through(CallTreeNode root, Func<string, bool> isTarget, Func<IReadOnlyList<string>, bool>? onlyIf = null)
    {
        var callers = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        var path = new List<string>();
        foreach (var child in root.Children)
        {
            Walk(child, path, isTarget, onlyIf, callers, ref total);
        }

        var caller = callers.OrderByDescending(c => c.Value).Select(c => c.Key).FirstOrDefault();
        return new Match(total, caller);
    }

    private static void Walk(CallTreeNode node, List<string> path, Func<string, bool> isTarget, Func<IReadOnlyList<string>, bool>? onlyIf, Dictionary<string, int> callers, ref int total)
    {
        path.Add(node.Name);
        if (isTarget(node.Name) && (onlyIf is null || onlyIf(path)))
        {
            // Count the whole subtree once and stop: deeper matches are the same samples.
            total += node.Total;
            var app = path.LastOrDefault(FrameNames.IsAppCode);
            if (app is not null)
            {
                callers[app] = callers.GetValueOrDefault(app) + node.Total;
            }
        }
        else
        {
            foreach (var child in node.Children)
            {
                Walk(child, path, isTarget, onlyIf, callers, ref total);
            }
        }

        path.RemoveAt(path.Count - 1);
    }

    public static bool StartsWithAny(string name, params ReadOnlySpan<string> prefixes)
    {
        foreach (var p in prefixes)
        {
            if (name.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
