namespace PerfNotebooks.Claims;

/// <summary>One non-empty line of a resume: its 1-based line (paragraph, PDF reading-order line) and text.</summary>
internal readonly record struct ResumeLine(int Line, string Text);
