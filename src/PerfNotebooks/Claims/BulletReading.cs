namespace PerfNotebooks.Claims;

/// <summary>
/// Everything read from one bullet: normalized text, tokens, lexicon hits and numbers. Reused per thread so
/// that analysing a large corpus allocates little more than its results.
/// </summary>
internal sealed class BulletReading
{
    private const Cue PositionalOnly = Cue.Level | Cue.LoadPreposition | Cue.BaselineWord | Cue.Down | Cue.Up | Cue.Comparative;

    [ThreadStatic]
    private static BulletReading? cached;

    public string Text { get; private set; } = "";

    public string Lower { get; private set; } = "";

    public List<Token> Tokens { get; } = new(64);

    /// <summary>The single-word lexeme of each token (phrases are in <see cref="Hits"/>).</summary>
    public List<Lexeme> WordCues { get; } = new(64);

    public List<Hit> Hits { get; } = new(16);

    public List<Quantity> Quantities { get; } = new(8);

    /// <summary>Union of every hit's cues.</summary>
    public Cue AllCues { get; private set; }

    public static BulletReading Read(string text)
    {
        var reading = cached ??= new BulletReading();
        reading.Load(text);
        return reading;
    }

    public ReadOnlySpan<char> Word(int t) =>
        t >= 0 && t < Tokens.Count && Tokens[t].Kind == TokenKind.Word ? Lower.AsSpan(Tokens[t].Start, Tokens[t].Length) : default;

    public bool IsSymbol(int t, char c) =>
        t >= 0 && t < Tokens.Count && Tokens[t].Kind == TokenKind.Symbol && Text[Tokens[t].Start] == c;

    public Cue CuesAt(int t) => t >= 0 && t < WordCues.Count ? WordCues[t].Cues : Cue.None;

    /// <summary>Whether a quantity covers token <paramref name="t"/> ("users" in "2M users").</summary>
    public bool InQuantity(int t)
    {
        foreach (var q in Quantities)
        {
            if (t >= q.FirstToken && t <= q.LastToken)
            {
                return true;
            }
        }

        return false;
    }

    private void Load(string text)
    {
        Text = BulletText.Normalize(text);
        Lower = LowerCase(Text);
        Tokenizer.Tokenize(Text, Lower, Tokens);
        FindHits();
        QuantityReader.Read(Text, Lower, Tokens, Quantities);
    }

    /// <summary>
    /// Lower-cases ASCII text with the vectorized ASCII routine; the culture-aware path (slow in invariant-globalization
    /// mode, 11% of the analysis in a profile) only for text with other characters.
    /// </summary>
    private static string LowerCase(string text)
    {
        if (!System.Text.Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        return string.Create(text.Length, text, static (span, t) => System.Text.Ascii.ToLower(t, span, out _));
    }

    private void FindHits()
    {
        Hits.Clear();
        WordCues.Clear();
        AllCues = Cue.None;
        var lookup = Lexicon.Lookup;
        for (var t = 0; t < Tokens.Count; t++)
        {
            var token = Tokens[t];
            WordCues.Add(token.Kind == TokenKind.Word && lookup.TryGetValue(Lower.AsSpan(token.Start, token.Length), out var single)
                ? token.InCode ? single with { Cues = single.Cues & Cue.Tool, Metric = Metric.None } : single
                : token.Kind == TokenKind.Symbol && Text[token.Start] == '@' ? new Lexeme(Cue.LoadPreposition, Metric.None) : default);
        }

        for (var t = 0; t < Tokens.Count; t++)
        {
            var token = Tokens[t];
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            // Longest phrase first: three words, then two, then one; words must be one space apart.
            var matched = false;
            for (var n = Math.Min((int)WordCues[t].PhraseWords, Lexicon.LongestPhrase); n >= 2 && !matched; n--)
            {
                var last = t + n - 1;
                if (last >= Tokens.Count || !Adjacent(t, last))
                {
                    continue;
                }

                var end = Tokens[last].End;
                if (lookup.TryGetValue(Lower.AsSpan(token.Start, end - token.Start), out var phrase))
                {
                    AddHit(t, last, phrase);
                    t = last;
                    matched = true;
                }
            }

            if (!matched && WordCues[t].Cues != Cue.None)
            {
                AddHit(t, t, WordCues[t]);
            }
        }
    }

    private bool Adjacent(int first, int last)
    {
        for (var t = first + 1; t <= last; t++)
        {
            var token = Tokens[t];
            if (token.Kind != TokenKind.Word || token.Start != Tokens[t - 1].End + 1)
            {
                return false;
            }
        }

        return true;
    }

    private void AddHit(int first, int last, Lexeme lexeme)
    {
        if (Tokens[first].InCode && (lexeme.Cues & Cue.Tool) == 0)
        {
            return; // "`make release`": a command's words are not the claim's, but "`wrk -c64`" names the tool
        }

        AllCues |= lexeme.Cues;
        if ((lexeme.Cues & ~PositionalOnly) == 0)
        {
            return; // "at", "from", "cut": read by position through WordCues, never tied to a number
        }

        Hits.Add(new Hit(first, last, Tokens[first].Start, Tokens[last].End, Tokens[first].Clause, lexeme));
    }
}
