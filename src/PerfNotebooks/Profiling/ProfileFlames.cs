using PerfNotebooks.Display;

namespace PerfNotebooks.Profiling;

/// <summary>Draws a profile's call trees: <c>profile.ToFlameGraph()</c> in a notebook cell.</summary>
public static class ProfileFlames
{
    /// <summary>The CPU call tree (or, with <paramref name="waiting"/>, where threads waited) as a flame graph.</summary>
    public static FlameGraph ToFlameGraph(this Profile profile, bool waiting = false, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var root = waiting ? profile.Waiting : profile.Cpu;
        return new FlameGraph(Convert(root), title ?? (waiting ? "Waiting threads" : "CPU samples"));
    }

    private static Display.FlameNode Convert(FlameNode node) =>
        new(node.Name, node.Self, node.Total, [.. node.Children.Select(Convert)]);
}
