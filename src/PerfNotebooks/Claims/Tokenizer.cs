namespace PerfNotebooks.Claims;

/// <summary>
/// Splits a normalized bullet into words, numbers and symbols in one pass. Words keep inner dots, dashes and
/// slashes ("c5.xlarge", "req/s", "time-to-first-byte"); "120ms" becomes a number followed by an attached word.
/// Clause numbers rise at ';', sentence ends and ", and"/", while"/", reducing": the analyzer ties a number to
/// words in its own clause first.
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(string s, string lower, List<Token> tokens)
    {
        tokens.Clear();
        var clause = 0;
        var space = true;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == ' ')
            {
                space = true;
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c) && i + 2 < s.Length && (s[i + 1] is 'x' or 'X') && (s[i + 2] is 'x' or 'X'))
            {
                // "5xx", "4xx": status classes are words, not "5 x".
                var start = i;
                i += 3;
                while (i < s.Length && char.IsAsciiLetter(s[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, start, i - start, space, 0, clause));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]) && (i == 0 || !char.IsAsciiLetterOrDigit(s[i - 1]))))
            {
                var start = i;
                var value = ReadNumber(s, ref i);
                tokens.Add(new Token(TokenKind.Number, start, i - start, space, value, clause));
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                i++;
                while (i < s.Length)
                {
                    var d = s[i];
                    if (char.IsLetterOrDigit(d))
                    {
                        i++;
                    }
                    else if (d is '.' or '-' or '_' or '/' or '\'' or '&' && i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1]))
                    {
                        // "p99.9" and "c5.xlarge" keep their dot; "ms." at a sentence end does not.
                        i++;
                    }
                    else if (d is '+' or '#' && i - start <= 2)
                    {
                        i++; // c++, c#, f#, n+1
                    }
                    else
                    {
                        break;
                    }
                }

                tokens.Add(new Token(TokenKind.Word, start, i - start, space, 0, clause));
            }
            else
            {
                var length = c == '-' && i + 1 < s.Length && s[i + 1] == '>' ? 2 : 1;
                if (c is ';' || (c is '.' or '!' or '?' && (i + 1 == s.Length || s[i + 1] == ' ')))
                {
                    clause++;
                }
                else if (c == ',' && StartsClause(lower, i + 1))
                {
                    clause++;
                }

                tokens.Add(new Token(TokenKind.Symbol, i, length, space, 0, clause));
                i += length;
            }

            space = false;
        }
    }

    private static double ReadNumber(string s, ref int i)
    {
        double whole = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                whole = (whole * 10) + (c - '0');
                i++;
            }
            else if (c == ',' && IsThousands(s, i))
            {
                i++; // thousands separator: "1,200,000"
            }
            else
            {
                break;
            }
        }

        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            var scale = 0.1;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                whole += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }

        return whole;
    }

    private static bool IsThousands(string s, int comma) =>
        comma + 3 < s.Length
        && char.IsAsciiDigit(s[comma + 1]) && char.IsAsciiDigit(s[comma + 2]) && char.IsAsciiDigit(s[comma + 3])
        && (comma + 4 >= s.Length || !char.IsAsciiDigit(s[comma + 4]));

    private static bool StartsClause(string lower, int at)
    {
        while (at < lower.Length && lower[at] == ' ')
        {
            at++;
        }

        var end = at;
        while (end < lower.Length && char.IsAsciiLetter(lower[end]))
        {
            end++;
        }

        var word = lower.AsSpan(at, end - at);
        return word is "and" or "while" or "which" or "but" or "so" or "plus" or "then" or "also"
            || (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal));
    }
}
