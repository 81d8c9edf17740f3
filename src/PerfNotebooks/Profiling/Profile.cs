namespace PerfNotebooks.Profiling;

/// <summary>
/// What one sampling session saw: CPU samples (threads running managed code) kept apart from waiting samples
/// (threads blocked, sleeping or in native code), per-method costs, the hot path and hotspot, counters and findings.
/// </summary>
public sealed class Profile
{
    internal Profile(int pid, double seconds, CallTreeNode cpu, CallTreeNode waiting, IReadOnlyList<CounterSeries> counters, int contentionEvents, string? partialReason, string nettracePath, HeapDiff? heap = null)
    {
        Pid = pid;
        DurationSeconds = seconds;
        Cpu = cpu;
        Waiting = waiting;
        Counters = counters;
        ContentionEvents = contentionEvents;
        PartialReason = partialReason;
        NettracePath = nettracePath;
        Heap = heap;
        Methods = ProfileAnalysis.Methods(cpu);
        HotPath = ProfileAnalysis.HotPath(cpu);
        Hotspot = ProfileAnalysis.FindHotspot(cpu);
        Findings = FindingRules.Default.Check(this);
    }

    public int Pid { get; }

    public double DurationSeconds { get; }

    /// <summary>Samples of threads running managed code: the CPU profile.</summary>
    public int Samples => Cpu.Total;

    /// <summary>Samples of threads that were blocked, sleeping or in native code; never counted as CPU.</summary>
    public int WaitingSamples => Waiting.Total;

    /// <summary>The CPU call tree (root "all"); draw it as a flame graph.</summary>
    public CallTreeNode Cpu { get; }

    /// <summary>The call tree of waiting threads: where threads block (locks, .Result, I/O, idle pool threads).</summary>
    public CallTreeNode Waiting { get; }

    /// <summary>Methods by self CPU share, heaviest first.</summary>
    public IReadOnlyList<MethodCost> Methods { get; }

    /// <summary>From the root, the heaviest child at each level (root first).</summary>
    public IReadOnlyList<string> HotPath { get; }

    /// <summary>The deepest app-code frame on the hot path, or null when no app code was on CPU.</summary>
    public Hotspot? Hotspot { get; }

    public IReadOnlyList<CounterSeries> Counters { get; }

    /// <summary>Lock contention events (a thread had to wait for a lock) seen during the session.</summary>
    public int ContentionEvents { get; }

    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Heap growth by type across the session, when the profiler ran <see cref="Profiler.WithHeapDiff"/>.</summary>
    public HeapDiff? Heap { get; }

    /// <summary>Why the profile is partial (the target exited mid-session), or null when the session ran its course.</summary>
    public string? PartialReason { get; }

    internal string NettracePath { get; }

    /// <summary>Seconds from the end of the session to the finished report (trace conversion, stacks, rules).</summary>
    public double AnalysisSeconds { get; internal set; }

    public CounterSeries? Counter(string name) => Counters.FirstOrDefault(c => c.Name == name);

    /// <summary>Writes the raw session (.nettrace) for PerfView, dotnet-trace convert or a later look.</summary>
    public void SaveNettrace(string path) => SafeFile.Write(path, stream =>
    {
        using var source = File.OpenRead(NettracePath);
        source.CopyTo(stream);
    });

    /// <summary>Writes a speedscope JSON file (open it at speedscope's site or in the app).</summary>
    public void SaveSpeedscope(string path) => SafeFile.Write(path, stream => SpeedscopeExport.Write(this, stream));

    /// <summary>Writes folded stacks ("a;b;c 12" per line), the input of FlameGraph's flamegraph.pl.</summary>
    public void SaveFolded(string path) => SafeFile.WriteText(path, FoldedStacks.Format(Cpu));

    public string ToJson() => ProfileJson.Write(this);

    public string ToTable(int top = 15) => ProfileTable.Format(this, top);

    public override string ToString() => ToTable();
}
