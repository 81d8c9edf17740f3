namespace PerfNotebooks.Profiling;

/// <summary>A method's share of the CPU samples: on top of the stack (self) and anywhere on it (total).</summary>
public sealed record MethodCost(string Name, int SelfSamples, int TotalSamples, double SelfPct, double TotalPct);
