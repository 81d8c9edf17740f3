namespace PerfNotebooks.Claims;

/// <summary>A file that could not be read, and why (one line naming the file and the fix).</summary>
public sealed record FileFailure(string File, string Message);
