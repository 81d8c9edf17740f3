using PerfNotebooks.Display;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Profiling;

/// <summary>
/// What one sampling session saw: CPU samples (threads running managed code) kept apart from waiting samples
/// (threads blocked, sleeping or in native code), per-method costs, the hot path and hotspot, counters and findings.
/// </summary>
public sealed class Profile : IHtmlRenderable
{
    internal Profile(int pid, double seconds, CallTreeNode cpu, CallTreeNode waiting, IReadOnlyList<CounterSeries> counters, int contentionEvents, string? partialReason, string? nettracePath, HeapDiff? heap = null, ProfiledRuntime runtime = ProfiledRuntime.DotNet, string source = "eventpipe", int targetCores = 0)
    {
        Runtime = runtime;
        Source = source;
        TargetCores = targetCores > 0 ? targetCores : null;
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
        Hotspot = ProfileAnalysis.FindHotspot(cpu, OwnCode.For(runtime));
        Findings = FindingRules.Default.Check(this);
    }

    /// <summary>The profiled process's id; 0 for an imported file or a profile fetched from a URL.</summary>
    public int Pid { get; }

    /// <summary>What the process ran on; decides which frames count as the app's own code.</summary>
    public ProfiledRuntime Runtime { get; }

    /// <summary>Where the samples came from: "eventpipe", "perf", "inspector", "pprof", or "import:FORMAT" for a file.</summary>
    public string Source { get; }

    /// <summary>The profiled process's processor count, read from its trace (cpu-usage is a share of these), or null when unknown.</summary>
    public int? TargetCores { get; }

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

    /// <summary>The profiled program's own methods (not its runtime's, standard library's or drivers'), heaviest first by total CPU share: the same in every runtime.</summary>
    public IReadOnlyList<MethodCost> AppMethods => [.. Methods.Where(m => OwnCode.For(Runtime)(m.Name)).OrderByDescending(m => m.TotalSamples)];

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

    internal string? NettracePath { get; }

    /// <summary>What one sample stands for in nanoseconds (the sampler's interval), for exports that count time; 0 when unknown.</summary>
    internal long SamplePeriodNanos { get; init; }

    /// <summary>Seconds from the end of the session to the finished report (trace conversion, stacks, rules).</summary>
    public double AnalysisSeconds { get; internal set; }

    public CounterSeries? Counter(string name) => Counters.FirstOrDefault(c => c.Name == name);

    /// <summary>The app's source lines by share of CPU samples, heaviest first (EventPipe profiles of modules with PDBs).</summary>
    public IReadOnlyList<LineCost> HotLines => LineData?.Costs ?? [];

    internal Lines.ProfiledLines? LineData { get; init; }

    /// <summary>
    /// The exercise file beside each line's share of the CPU samples: <c>profile.Lines(server.Code)</c>. When the
    /// profile sampled another version of the file (the one a cell served), that version's text is shown.
    /// </summary>
    public SourceLines Lines(Servers.ExerciseCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var data = RequireLines();
        var profiled = data.Texts.GetValueOrDefault(code.FileName);
        var differs = profiled is not null && Normalize(profiled) != Normalize(code.Source);
        var note = differs ? $"the profiled {code.FileName} is not the code given (it is the version the server ran then); its lines are shown"
            : !data.Costs.Any(c => c.File == code.FileName) ? $"no CPU sample was on a line of {code.FileName} (its code was not busy during the session, or its PDB was not found)"
            : null;
        return Report(data, code.FileName, differs ? profiled! : code.Source, note);
    }

    /// <summary>One file's lines by share of CPU samples, e.g. <c>profile.Lines("PrimeCount.cs")</c>; by default the file with the hottest line.</summary>
    public SourceLines Lines(string? file = null)
    {
        var data = RequireLines();
        file ??= data.Costs.Count > 0 ? data.Costs[0].File : throw new BadInputException("no line of the app's code was on CPU in this profile (or its PDBs were not found); profile while the code is busy.");
        if (!data.Costs.Any(c => c.File == file) && !data.Texts.ContainsKey(file))
        {
            var known = string.Join(", ", data.Costs.Select(c => c.File).Distinct(StringComparer.Ordinal).Take(5));
            throw new BadInputException($"no samples in a file named '{file}'; files with samples: {(known.Length == 0 ? "none" : known)}.");
        }

        return Report(data, file, data.Texts.GetValueOrDefault(file) ?? "", null);
    }

    private static string LineText(Lines.ProfiledLines lines, LineCost cost) =>
        lines.Texts.TryGetValue(cost.File, out var text) && Normalize(text).Split('\n') is var all && cost.Line <= all.Length ? all[cost.Line - 1].Trim() : "";

    private Lines.ProfiledLines RequireLines() => LineData
        ?? throw new BadInputException($"this profile came from {Source}; source lines need an EventPipe profile of a .NET process (Profiler.Attach(pid) with the default backend).");

    private static SourceLines Report(Lines.ProfiledLines data, string file, string text, string? note) =>
        new(file, text.Length == 0 ? [] : Normalize(text).Split('\n'), [.. data.Costs.Where(c => c.File == file)], data.CpuSamples, note);

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    /// <summary>Writes the raw session (.nettrace) for PerfView, dotnet-trace convert or a later look.</summary>
    public void SaveNettrace(string path)
    {
        var trace = NettracePath ?? throw new BadInputException($"this profile came from {Source}, not EventPipe, so it has no .nettrace; save it with SavePprof, SaveSpeedscope or SaveFolded.");
        SafeFile.Write(path, stream =>
        {
            using var source = File.OpenRead(trace);
            source.CopyTo(stream);
        });
    }

    /// <summary>Writes a gzipped pprof profile.proto: <c>go tool pprof -top FILE</c> and pprof's web UI open it.</summary>
    public void SavePprof(string path) => SafeFile.Write(path, stream => Formats.PprofFormat.Write(this, stream));

    /// <summary>Writes a speedscope JSON file (open it at speedscope's site or in the app).</summary>
    public void SaveSpeedscope(string path) => SafeFile.Write(path, stream => SpeedscopeExport.Write(this, stream));

    /// <summary>Writes folded stacks ("a;b;c 12" per line), the input of FlameGraph's flamegraph.pl.</summary>
    public void SaveFolded(string path) => SafeFile.WriteText(path, FoldedStacks.Format(Cpu));

    public string ToJson() => ProfileJson.Write(this);

    public string ToTable(int top = 15) => ProfileTable.Format(this, top);

    /// <summary>
    /// Summary, hotspot, findings, the top methods and heap growth. Bounded whatever the profile's size: the call
    /// trees are drawn by <c>ToFlameGraph()</c>, not here.
    /// </summary>
    public string ToHtml()
    {
        const int top = 10;
        var html = new ResultHtml("Profile", FormattableString.Invariant($"{Subject} · {Number(DurationSeconds, "0.0")} s · {Source}"));
        html.Line(FormattableString.Invariant($"{Number(Samples, "#,##0")} CPU samples · {Number(WaitingSamples, "#,##0")} waiting samples · analysed in {Number(AnalysisSeconds, "0.00")} s"));
        if (PartialReason is not null)
        {
            html.Warning("partial profile: " + PartialReason);
        }

        if (Hotspot is { } h)
        {
            html.Line("hotspot ", Cell.Code(h.Name), FormattableString.Invariant($" self {Number(h.SelfPct, "0.0")}% · total {Number(h.TotalPct, "0.0")}%"));
            html.Bullets(h.Underneath.Select(u => FormattableString.Invariant($"spends {Number(u.TotalPct, "0.0")}% in {u.Name}")));
        }
        else
        {
            html.Line(Cell.Muted("hotspot: none (no app code on CPU)"));
        }

        foreach (var finding in Findings)
        {
            html.Heading("⚑ " + finding.Title);
            finding.WriteBody(html);
        }

        if (Findings.Count == 0)
        {
            html.Line(Cell.Muted("no findings"));
        }

        html.Heading("Top methods by self CPU").Table(
            [Cell.FigureHeader("self %"), Cell.FigureHeader("total %"), "method"],
            Methods.Take(top).Select(m => (IReadOnlyList<Cell>)[Cell.Figure(m.SelfPct, "0.0"), Cell.Figure(m.TotalPct, "0.0"), Cell.Code(m.Name)]));
        if (Methods.Count > top)
        {
            html.Line(Cell.Muted(FormattableString.Invariant($"… {Methods.Count - top} more methods; profile.ToTable(top: 50) lists more")));
        }

        if (LineData is { Costs.Count: > 0 } lines)
        {
            // The few lines the time went to, with their text: the full file is profile.Lines(server.Code).
            html.Heading("Hot lines of the app's code").Table(
                [Cell.FigureHeader("own %"), Cell.FigureHeader("total %"), "line", "code"],
                lines.Costs.Take(5).Select(c => (IReadOnlyList<Cell>)[Cell.Figure(c.SamplesPct, "0.0"), Cell.Figure(c.TotalPct, "0.0"), Cell.Code(FormattableString.Invariant($"{c.File}:{c.Line}")), Cell.Code(LineText(lines, c))]));
        }

        if (Heap is { } heap)
        {
            html.Heading(FormattableString.Invariant($"Heap growth over {Number(heap.Seconds, "0.0")} s"));
            heap.WriteTable(html, top);
        }

        Cell[] flames = [Cell.Muted("flame graph: "), Cell.Code("profile.ToFlameGraph()"), Cell.Muted(" (every frame: "), Cell.Code("justMyCode: false"), Cell.Muted(") · where threads wait: "), Cell.Code("profile.ToFlameGraph(waiting: true)")];
        html.Line(LineData is { Costs.Count: > 0 } ? [.. flames, Cell.Muted(" · source lines: "), Cell.Code("profile.Lines(server.Code)")] : flames);
        return html.ToString();
    }

    /// <summary>"pid 42", or "imported profile" when no process was attached.</summary>
    internal string Subject => Pid > 0 ? $"pid {Pid}" : Source.StartsWith("import:", StringComparison.Ordinal) ? "imported profile" : Source + " profile";

    public override string ToString() => ToTable();
}
