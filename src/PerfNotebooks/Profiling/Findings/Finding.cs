namespace PerfNotebooks.Profiling;

/// <summary>A likely root cause, the evidence for it, and what to do next.</summary>
public sealed record Finding(string Rule, string Title, string Cause, IReadOnlyList<string> Evidence, string NextStep)
{
    public override string ToString() => $"{Title}: {Cause} Next: {NextStep}";
}
