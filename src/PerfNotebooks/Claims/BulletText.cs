using System.Text;

namespace PerfNotebooks.Claims;

/// <summary>
/// Turns a raw line into the text the analyzer reads: bullet marker stripped for display, then arrows, dashes,
/// micro signs and odd spaces folded to ASCII so one rule covers every spelling.
/// </summary>
internal static class BulletText
{
    /// <summary>Strips a leading bullet marker ("•", "-", "*", "1.", "2)") and markdown emphasis (not code marks).</summary>
    public static string StripMarker(string line)
    {
        var s = line.AsSpan().Trim();
        while (s.Length > 0)
        {
            var c = s[0];
            if (c is '•' or '◦' or '▪' or '‣' or '●' or '○' or '■' or '□' or '–' or '—' or '·' or '➢' or '➤' or '►' or '✓' or '✔' or '>' or '#'
                || ((c is '-' or '*' or '+') && (s.Length == 1 || s[1] == ' ')))
            {
                s = s[1..].TrimStart();
                continue;
            }

            var digits = 0;
            while (digits < s.Length && digits < 3 && char.IsAsciiDigit(s[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits < s.Length - 1 && s[digits] is '.' or ')' && s[digits + 1] == ' ')
            {
                s = s[(digits + 1)..].TrimStart();
                continue;
            }

            break;
        }

        // Backticks stay: the analyzer reads a `code span` as code (see Tokenizer); the claim's text drops them.
        if (s.Contains("**", StringComparison.Ordinal) || s.Contains("__", StringComparison.Ordinal))
        {
            return s.ToString().Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Trim();
        }

        return s.ToString();
    }

    /// <summary>The bullet as shown: markdown code marks removed.</summary>
    public static string WithoutBackticks(string text) =>
        text.Contains('`') ? text.Replace("`", "", StringComparison.Ordinal).Trim() : text;

    /// <summary>Folds the spellings people use to one ASCII form and collapses whitespace to single spaces.</summary>
    public static string Normalize(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 0x7E || c == '\t' || c == '=')
            {
                ascii = false;
                break;
            }
        }

        if (ascii && !text.Contains("  ", StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        var lastSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '→' or '⟶' or '➔' or '➜' or '⇒' or '⟹' or '↦' or '➝' or '⭢':
                    Append(sb, " -> ", ref lastSpace);
                    continue;
                case '=' when i + 1 < text.Length && text[i + 1] == '>':
                    Append(sb, " -> ", ref lastSpace);
                    i++;
                    continue;
                case '↓':
                    Append(sb, " down ", ref lastSpace);
                    continue;
                case '↑':
                    Append(sb, " up ", ref lastSpace);
                    continue;
                case '–' or '—' or '−' or '‐' or '‑':
                    c = '-';
                    break;
                case 'µ' or 'μ':
                    c = 'u';
                    break;
                case '×':
                    c = 'x';
                    break;
                case '’' or '‘':
                    c = '\'';
                    break;
                case '“' or '”':
                    c = '"';
                    break;
                case '≈' or '∼':
                    c = '~';
                    break;
                case '≤':
                    Append(sb, "<=", ref lastSpace);
                    continue;
                case '≥':
                    Append(sb, ">=", ref lastSpace);
                    continue;
                case '…':
                    Append(sb, "...", ref lastSpace);
                    continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastSpace)
                {
                    sb.Append(' ');
                    lastSpace = true;
                }

                continue;
            }

            sb.Append(c);
            lastSpace = false;
        }

        return sb.ToString().Trim();
    }

    private static void Append(StringBuilder sb, string s, ref bool lastSpace)
    {
        foreach (var c in s)
        {
            if (c == ' ')
            {
                if (!lastSpace)
                {
                    sb.Append(' ');
                    lastSpace = true;
                }
            }
            else
            {
                sb.Append(c);
                lastSpace = false;
            }
        }
    }
}
