using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PerfNotebooks.Display;

namespace PerfNotebooks.Servers;

/// <summary>
/// The sample server's exercise file: the one C# file that holds the scenario's bug, with line numbers. Copy it
/// into a cell, change it, and <see cref="SampleServer.Serve"/> it.
/// </summary>
public sealed partial class ExerciseCode(string fileName, string source) : IHtmlRenderable
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "using", "namespace", "internal", "public", "private", "protected", "static", "readonly", "sealed", "class", "record",
        "async", "await", "return", "var", "new", "if", "else", "for", "foreach", "in", "while", "continue", "break", "lock",
        "try", "catch", "finally", "throw", "null", "true", "false", "is", "not", "and", "or", "out", "ref", "params", "const",
        "int", "long", "bool", "string", "object", "void", "byte", "decimal", "double", "char", "where", "select", "from",
    };

    /// <summary>The file's name in the server, e.g. UsersWithOrders.cs.</summary>
    public string FileName { get; } = fileName;

    /// <summary>The file's text, exactly as the server compiled it.</summary>
    public string Source { get; } = source.Replace("\r\n", "\n", StringComparison.Ordinal);

    public IReadOnlyList<string> Lines => Source.TrimEnd('\n').Split('\n');

    /// <summary>The file with right-aligned line numbers.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append("// ").Append(FileName).Append('\n');
        var width = Lines.Count.ToString(CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < Lines.Count; i++)
        {
            text.Append((i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append("  ").Append(Lines[i]).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The file with line numbers, keywords, strings and comments coloured (no script, reads offline).</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div class=\"perfnb-code\" style=\"font:12px/1.45 ui-monospace,monospace;border:1px solid rgba(128,128,128,.45);border-radius:6px;padding:6px 0;overflow-x:auto\">");
        html.Append("<div style=\"padding:0 10px 4px;opacity:.7\">").Append(WebUtility.HtmlEncode(FileName)).Append("</div><table style=\"border-collapse:collapse\">");
        for (var i = 0; i < Lines.Count; i++)
        {
            html.Append("<tr><td style=\"text-align:right;padding:0 8px;opacity:.5;user-select:none\">").Append(i + 1)
                .Append("</td><td style=\"white-space:pre;padding-right:10px\">").Append(Highlight(Lines[i])).Append("</td></tr>");
        }

        return html.Append("</table></div>").ToString();
    }

    internal static string Highlight(string line)
    {
        var html = new StringBuilder();
        foreach (Match token in Token().Matches(line))
        {
            var text = WebUtility.HtmlEncode(token.Value);
            var colour = token.Value switch
            {
                var t when t.StartsWith("//", StringComparison.Ordinal) => "#6a737d",
                var t when t.StartsWith('"') || t.StartsWith("$\"", StringComparison.Ordinal) => "#22863a",
                var t when Keywords.Contains(t) => "#d73a49",
                var t when char.IsUpper(t[0]) && char.IsLetter(t[0]) => "#6f42c1",
                _ => null,
            };
            html.Append(colour is null ? text : $"<span style=\"color:{colour}\">{text}</span>");
        }

        return html.ToString();
    }

    // Comments to the end of the line, string literals, words, and everything else one character at a time.
    [GeneratedRegex("""//.*$|\$?"(?:[^"\\]|\\.)*"?|[A-Za-z_][A-Za-z0-9_]*|\s+|.""")]
    private static partial Regex Token();
}
