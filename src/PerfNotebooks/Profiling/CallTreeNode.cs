namespace PerfNotebooks.Profiling;

/// <summary>
/// One frame of the call tree, root first: <see cref="Self"/> samples had this frame on top of the stack,
/// <see cref="Total"/> samples had it anywhere below this path (Self + the children's Totals). Children are
/// sorted heaviest first. The root is named "all" and holds every CPU sample. Counted in samples, unlike the
/// unit-free <see cref="Display.FlameNode"/> that flame graphs draw; <c>tree.ToFlameGraph()</c> converts.
/// </summary>
public sealed class CallTreeNode(string name)
{
    private readonly Dictionary<string, CallTreeNode> byName = new(StringComparer.Ordinal);
    private List<CallTreeNode>? sorted;

    public string Name { get; } = name;

    public int Self { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<CallTreeNode> Children => sorted ??= [.. byName.Values.OrderByDescending(c => c.Total).ThenBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>Adds one sample whose frames are given root first.</summary>
    internal void Add(IReadOnlyList<string> rootFirstFrames, int weight = 1)
    {
        var node = this;
        node.Total += weight;
        foreach (var frame in rootFirstFrames)
        {
            node.sorted = null;
            if (!node.byName.TryGetValue(frame, out var child))
            {
                child = new CallTreeNode(frame);
                node.byName.Add(frame, child);
            }

            node = child;
            node.Total += weight;
        }

        node.Self += weight;
    }

    public override string ToString() => $"{Name} (self {Self}, total {Total}, {byName.Count} children)";
}
