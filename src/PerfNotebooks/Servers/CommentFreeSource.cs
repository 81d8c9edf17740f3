using System.Text;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Servers;

/// <summary>
/// A Go exercise file as an interview's candidate reads it: without the comments that say what the code is for (and so
/// which problem it has). A comment's own line goes and runs of blank lines fold into one; strings, runes and raw
/// strings are kept whole. (The .NET server strips its C# with Roslyn, the Node server its JavaScript itself.)
/// </summary>
internal static partial class CommentFreeSource
{
    public static string Go(string source)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        var kept = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var (c, next) = (text[i], i + 1 < text.Length ? text[i + 1] : '\0');
            if (c == '/' && next == '/')
            {
                i = text.IndexOf('\n', i) is var end and >= 0 ? end : text.Length;
            }
            else if (c == '/' && next == '*')
            {
                i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : text.Length;
            }
            else if (c is '"' or '\'' or '`')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != c)
                {
                    j += text[j] == '\\' && c != '`' ? 2 : 1; // a raw string has no escapes
                }

                j = Math.Min(j, text.Length - 1);
                kept.Append(text, i, j - i + 1);
                i = j + 1;
            }
            else
            {
                kept.Append(c);
                i++;
            }
        }

        var lines = kept.ToString().Split('\n').Select(l => l.TrimEnd());
        return BlankRuns().Replace(string.Join('\n', lines), "\n\n").Trim('\n') + "\n";
    }

    [GeneratedRegex("\n{3,}")]
    private static partial Regex BlankRuns();
}
