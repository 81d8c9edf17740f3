namespace PerfNotebooks.Claims;

internal enum TokenKind : byte
{
    Word,
    Number,
    Symbol,

    /// <summary>A URL, endpoint path, address or command-line flag: kept whole and read as nothing.</summary>
    Code,
}

/// <summary>
/// A word, number or symbol in a normalized bullet; <see cref="Start"/> indexes the normalized text. A word
/// <see cref="InCode"/> stands between backticks: only a tool name counts there.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, bool SpaceBefore, double Number, int Clause, bool InCode = false)
{
    public int End => Start + Length;
}
