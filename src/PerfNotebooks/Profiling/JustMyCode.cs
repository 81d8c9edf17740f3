namespace PerfNotebooks.Profiling;

/// <summary>
/// A call tree with the framework folded away, so the app's own frames are what a flame graph shows: the runtime,
/// ASP.NET and library frames above the app's first frame go, those between two app frames go (the caller joins
/// its callee), and those under the app's last frame become one frame named after the library call it made. A
/// stack with no app frame at all becomes a single "[framework]" frame.
/// </summary>
internal static class JustMyCode
{
    /// <summary>The one frame every stack without app code folds into.</summary>
    public const string Framework = "[framework]";

    public static CallTreeNode Fold(CallTreeNode tree, Func<string, bool> isApp)
    {
        var folded = new CallTreeNode(tree.Name);
        var path = new List<string>();
        foreach (var child in tree.Children)
        {
            Walk(child, path, folded, isApp);
        }

        return folded;
    }

    /// <summary>The frames of one stack (root first) with the framework folded.</summary>
    public static List<string> FoldStack(IReadOnlyList<string> frames, Func<string, bool> isApp)
    {
        var folded = new List<string>();
        var last = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (isApp(frames[i]))
            {
                folded.Add(frames[i]);
                last = i;
            }
        }

        if (last < 0)
        {
            return [Framework];
        }

        if (last < frames.Count - 1)
        {
            // What the app's code called into: the first frame of the library run under it.
            folded.Add(Framework + " " + frames[last + 1]);
        }

        return folded;
    }

    private static void Walk(CallTreeNode node, List<string> path, CallTreeNode folded, Func<string, bool> isApp)
    {
        path.Add(node.Name);
        if (node.Self > 0)
        {
            folded.Add(FoldStack(path, isApp), node.Self);
        }

        foreach (var child in node.Children)
        {
            Walk(child, path, folded, isApp);
        }

        path.RemoveAt(path.Count - 1);
    }
}
