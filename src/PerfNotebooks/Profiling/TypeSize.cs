namespace PerfNotebooks.Profiling;

/// <summary>Live objects of one type in a heap snapshot, and the types whose objects reference them most.</summary>
public sealed record TypeSize(string Type, long Count, long Bytes, IReadOnlyList<string> HeldBy);
