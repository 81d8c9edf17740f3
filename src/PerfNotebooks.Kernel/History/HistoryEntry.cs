namespace PerfNotebooks.Kernel.History;

/// <summary>One executed cell: its session, its execution count, its code and (if it had one) its result as text.</summary>
public sealed record HistoryEntry(long Session, int Line, string Input, string? Output);
