namespace PerfNotebooks.Display;

/// <summary>Display's own outputs that carry several representations and may need per-notebook state.</summary>
internal interface IMimeOutput
{
    IReadOnlyDictionary<string, string> ToMime(OutputSession session);
}
