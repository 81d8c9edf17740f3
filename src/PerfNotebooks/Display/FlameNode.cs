namespace PerfNotebooks.Display;

/// <summary>
/// One frame of a call tree: its own cost (<see cref="Self"/>) and the cost of it and everything it calls
/// (<see cref="Total"/>), in any unit (samples, milliseconds, bytes). Any profile adapts to this in one method.
/// </summary>
public sealed record FlameNode(string Name, double Self, double Total, IReadOnlyList<FlameNode> Children)
{
    /// <summary>
    /// Builds a tree from stacks listed root-first with a weight each (e.g. samples); identical prefixes merge.
    /// </summary>
    public static FlameNode FromStacks(IEnumerable<(IReadOnlyList<string> Frames, double Weight)> stacks, string rootName = "all")
    {
        ArgumentNullException.ThrowIfNull(stacks);
        var root = new Builder(rootName);
        foreach (var (frames, weight) in stacks)
        {
            if (frames is null || weight < 0 || double.IsNaN(weight))
            {
                throw new BadInputException("A stack passed to FlameNode.FromStacks has no frames or a negative/NaN weight; pass root-first frame names with a weight >= 0.");
            }

            var node = root;
            foreach (var frame in frames)
            {
                node = node.Child(frame);
            }

            node.Self += weight;
        }

        return root.Build();
    }

    /// <summary>
    /// Parses the "collapsed stacks" text format (<c>main;parse;read 42</c> per line, as flamegraph.pl and
    /// dotnet-trace conversions write it).
    /// </summary>
    public static FlameNode FromCollapsed(string text, string rootName = "all")
    {
        ArgumentNullException.ThrowIfNull(text);
        var stacks = new List<(IReadOnlyList<string>, double)>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space <= 0 || !double.TryParse(line.AsSpan(space + 1), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight))
            {
                throw new BadInputException($"Collapsed stacks line {lineNumber} has no trailing count: '{Shorten(line)}'; each line must be 'frame;frame;frame <count>'.");
            }

            stacks.Add((line[..space].Split(';'), weight));
        }

        return FromStacks(stacks, rootName);
    }

    /// <summary>How many nodes the tree holds, this one included.</summary>
    public int Count()
    {
        var count = 0;
        var pending = new Stack<FlameNode>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            count++;
            foreach (var child in node.Children)
            {
                pending.Push(child);
            }
        }

        return count;
    }

    private static string Shorten(string line) => line.Length <= 60 ? line : line[..60] + "...";

    private sealed class Builder(string name)
    {
        private readonly Dictionary<string, Builder> children = new(StringComparer.Ordinal);

        public double Self { get; set; }

        public Builder Child(string childName)
        {
            if (!children.TryGetValue(childName, out var child))
            {
                child = new Builder(childName);
                children.Add(childName, child);
            }

            return child;
        }

        public FlameNode Build()
        {
            var built = children.Values.Select(c => c.Build()).ToArray();
            return new FlameNode(name, Self, Self + built.Sum(c => c.Total), built);
        }
    }
}
