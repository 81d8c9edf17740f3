namespace PerfNotebooks.Profiling;

/// <summary>
/// One source line's share of the CPU samples. <see cref="Samples"/>: the line was the innermost of the app's code on
/// the stack (its own work and the library calls it made). <see cref="Total"/>: the line was anywhere on the stack
/// (also while a method it called ran), as <c>pprof list</c>'s flat and cum columns.
/// </summary>
public sealed record LineCost(string File, int Line, int Samples, int Total, double SamplesPct, double TotalPct);
