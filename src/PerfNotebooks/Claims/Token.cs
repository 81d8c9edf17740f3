namespace PerfNotebooks.Claims;

internal enum TokenKind : byte
{
    Word,
    Number,
    Symbol,
}

/// <summary>A word, number or symbol in a normalized bullet; <see cref="Start"/> indexes the normalized text.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, bool SpaceBefore, double Number, int Clause)
{
    public int End => Start + Length;
}
