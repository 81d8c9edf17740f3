using System.Text;

namespace PerfNotebooks.Profiling;

/// <summary>Brendan Gregg's folded-stack text: one line per distinct stack, frames root first joined by ';', then the count.</summary>
internal static class FoldedStacks
{
    public static string Format(CallTreeNode root)
    {
        var text = new StringBuilder();
        var path = new List<string>();
        foreach (var child in root.Children)
        {
            Append(child, path, text);
        }

        return text.ToString();
    }

    private static void Append(CallTreeNode node, List<string> path, StringBuilder text)
    {
        path.Add(node.Name.Replace(';', ':').Replace(' ', '_'));
        if (node.Self > 0)
        {
            text.Append(string.Join(';', path)).Append(' ').Append(node.Self).Append('\n');
        }

        foreach (var child in node.Children)
        {
            Append(child, path, text);
        }

        path.RemoveAt(path.Count - 1);
    }
}
