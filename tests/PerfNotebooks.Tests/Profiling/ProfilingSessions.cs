namespace PerfNotebooks.Tests.Profiling;

/// <summary>
/// Tests that run real EventPipe sessions share one collection so they run one at a time: on a 2-core machine,
/// parallel sessions starve each other's targets and the heap dumps' event streams.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProfilingSessions
{
    public const string Name = "Profiling sessions";
}
