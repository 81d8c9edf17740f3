namespace PerfNotebooks.Profiling;

/// <summary>
/// The deepest frame of the hot path that is the profiled app's own code, and where its time goes underneath
/// (its heaviest callees with their share of all CPU samples).
/// </summary>
public sealed record Hotspot(string Name, double SelfPct, double TotalPct, IReadOnlyList<MethodCost> Underneath);
