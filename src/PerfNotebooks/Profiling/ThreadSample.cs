namespace PerfNotebooks.Profiling;

/// <summary>One stack sample of one thread: frames root first, and whether the thread was running managed code.</summary>
internal sealed record ThreadSample(int ThreadId, double Milliseconds, bool OnCpu, string[] Frames);
