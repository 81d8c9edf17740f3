namespace PerfNotebooks.Profiling.Formats;

/// <summary>One distinct stack from any profiler or file: frames root first, how many samples had it, and whether it was on CPU.</summary>
internal sealed record StackSample(string[] Frames, long Weight, bool OnCpu = true);

/// <summary>What a backend or a file yields before analysis: the stacks and the time they cover (0 when unknown).</summary>
internal sealed record StackRecording(IReadOnlyList<StackSample> Samples, double Seconds)
{
    /// <summary>Time one sample stands for, in nanoseconds (the sampler's interval); 0 when the source does not say.</summary>
    public long PeriodNanos { get; init; }

    /// <summary>The same recording with every frame name passed through <paramref name="map"/>.</summary>
    public StackRecording WithFrames(Func<string, string> map) =>
        this with { Samples = [.. Samples.Select(s => s with { Frames = Array.ConvertAll(s.Frames, f => map(f)) })] };

    public (CallTreeNode Cpu, CallTreeNode Waiting) Trees()
    {
        var cpu = new CallTreeNode("all");
        var waiting = new CallTreeNode("all");
        foreach (var s in Samples)
        {
            if (s.Weight > 0)
            {
                (s.OnCpu ? cpu : waiting).Add(s.Frames, (int)Math.Min(int.MaxValue, s.Weight));
            }
        }

        return (cpu, waiting);
    }
}
