namespace PerfNotebooks.Profiling.Lines;

/// <summary>What a profile knows about source lines: the costs, heaviest first, and the text of each file they are in.</summary>
internal sealed record ProfiledLines(IReadOnlyList<LineCost> Costs, IReadOnlyDictionary<string, string> Texts, int CpuSamples);
