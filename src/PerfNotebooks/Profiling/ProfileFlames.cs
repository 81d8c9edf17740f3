using PerfNotebooks.Display;

namespace PerfNotebooks.Profiling;

/// <summary>Draws a profile's call trees: <c>profile.ToFlameGraph()</c> in a notebook cell.</summary>
public static class ProfileFlames
{
    /// <summary>
    /// The CPU call tree (or, with <paramref name="waiting"/>, where threads waited) as a flame graph. By default
    /// "just my code": the app's frames, with runtime and library frames folded (<see cref="JustMyCode"/>);
    /// <c>justMyCode: false</c> draws every frame.
    /// </summary>
    public static FlameGraph ToFlameGraph(this Profile profile, bool waiting = false, string? title = null, bool justMyCode = true)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var tree = waiting ? profile.Waiting : profile.Cpu;
        title ??= waiting ? "Waiting threads" : "CPU samples";
        return justMyCode
            ? JustMyCode.Fold(tree, OwnCode.For(profile.Runtime)).ToFlameGraph(title + " · just my code (justMyCode: false shows every frame)")
            : tree.ToFlameGraph(title);
    }

    /// <summary>Any call tree of a profile (or a subtree of one) as a flame graph.</summary>
    public static FlameGraph ToFlameGraph(this CallTreeNode tree, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new FlameGraph(Convert(tree), title ?? "CPU samples");
    }

    private static FlameNode Convert(CallTreeNode node) =>
        new(node.Name, node.Self, node.Total, [.. node.Children.Select(Convert)]);
}
