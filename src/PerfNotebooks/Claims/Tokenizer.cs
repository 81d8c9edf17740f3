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
        var inCode = false; // between backticks: a command or identifier, read only for tool names
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

            if (space && CodeLength(s, i) is > 0 and var code)
            {
                // A URL, path, address or flag: its digits and words are not claims ("-t4" is no GPU, ":8080" no rate).
                tokens.Add(new Token(TokenKind.Code, i, code, space, 0, clause));
                i += code;
                space = false;
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
                tokens.Add(new Token(inCode ? TokenKind.Code : TokenKind.Number, start, i - start, space, value, clause));
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

                tokens.Add(new Token(TokenKind.Word, start, i - start, space, 0, clause, inCode));
            }
            else
            {
                inCode ^= c == '`';
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

    /// <summary>
    /// The length of the code-like word starting at <paramref name="i"/> (after a space): a URL ("https://..."), an
    /// endpoint or file path ("/api/v2/orders/{id}"), an IPv4 address or host with a port ("127.0.0.1:8080",
    /// "localhost:5000"), or a command-line flag ("-c256", "--threads=8"); 0 otherwise. Trailing punctuation is left out.
    /// </summary>
    private static int CodeLength(string s, int i)
    {
        var end = s.AsSpan(i).IndexOfAny(' ', '`');
        end = end < 0 ? s.Length : i + end; // a closing backtick ends the code span, not this word
        while (end > i + 1 && s[end - 1] is ',' or ';' or '.' or '!' or '?' or ')' or ']' or '"' or '\'' or ':')
        {
            end--;
        }

        var w = s.AsSpan(i, end - i);
        if (w.Length < 2)
        {
            return 0;
        }

        if (w.Contains("://", StringComparison.Ordinal))
        {
            return w.Length;
        }

        if (w[0] == '/' && (char.IsAsciiLetter(w[1]) || w[1] is '{' or ':' or '_'))
        {
            // "/health", "/api/orders": a path; "/month", "/s" after a number are per-time units.
            return IsPerWord(w[1..]) ? 0 : w.Length;
        }

        if (w[0] == '-' && (char.IsAsciiLetter(w[1]) || (w.Length > 2 && w[1] == '-' && char.IsAsciiLetter(w[2]))))
        {
            return w.Length;
        }

        if (char.IsAsciiDigit(w[0]) && IsAddress(w))
        {
            return w.Length;
        }

        var colon = w.IndexOf(':');
        if (colon > 0 && colon + 1 < w.Length && char.IsAsciiDigit(w[colon + 1]) && char.IsAsciiLetter(w[0])
            && (w[..colon] is "localhost" || w[..colon].Contains('.')))
        {
            return w.Length; // "localhost:8080", "api.internal:443"
        }

        return 0;
    }

    private static bool IsPerWord(ReadOnlySpan<char> w)
    {
        Span<char> lower = stackalloc char[Math.Min(w.Length, 32)];
        if (w.Length > 32)
        {
            return false;
        }

        w.ToLowerInvariant(lower);
        return Unit.TryPer(lower, out _) || Unit.RateNouns.Contains(lower);
    }

    /// <summary>Four dot-separated groups of digits, optionally followed by ":port" or a path: "10.0.0.12:9200".</summary>
    private static bool IsAddress(ReadOnlySpan<char> w)
    {
        var groups = 1;
        var digits = 0;
        var j = 0;
        for (; j < w.Length; j++)
        {
            if (char.IsAsciiDigit(w[j]))
            {
                digits++;
            }
            else if (w[j] == '.' && digits > 0 && digits <= 3)
            {
                groups++;
                digits = 0;
            }
            else
            {
                break;
            }
        }

        return groups == 4 && digits is > 0 and <= 3 && (j == w.Length || w[j] is ':' or '/');
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
