namespace PerfNotebooks.Profiling;

/// <summary>
/// Attach to a running .NET process and sample it: <c>var profile = await Profiler.Attach(pid).Sample(TimeSpan.FromSeconds(5));</c>
/// One EventPipe session gives the CPU profile, the waiting profile, the runtime counters and the findings.
/// </summary>
public sealed class Profiler
{
    private Profiler(int pid) => Pid = pid;

    public int Pid { get; }

    /// <summary>Seconds between two runtime-counter points (1 by default).</summary>
    public int CounterIntervalSeconds { get; private set; } = 1;

    public static Profiler Attach(int pid) => new(pid);

    public static Profiler Attach(IProfileTarget target) => new(target.Pid);

    public static Profiler Attach(System.Diagnostics.Process process) => new(process.Id);

    /// <summary>Also snapshot the heap before and after the session and diff them (each snapshot induces one full GC).</summary>
    public bool DiffsHeap { get; private set; }

    public Profiler WithHeapDiff()
    {
        DiffsHeap = true;
        return this;
    }

    /// <summary>Counters once every <paramref name="seconds"/> seconds instead of every second.</summary>
    public Profiler WithCounterInterval(int seconds)
    {
        if (seconds < 1)
        {
            throw new BadInputException($"counter interval {seconds}s is too short; use 1 second or more.");
        }

        CounterIntervalSeconds = seconds;
        return this;
    }

    /// <summary>Samples for five seconds.</summary>
    public Task<Profile> Sample(CancellationToken ct = default) => Sample(TimeSpan.FromSeconds(5), ct);

    /// <summary>Samples every thread for <paramref name="duration"/>, then analyses the session.</summary>
    public async Task<Profile> Sample(TimeSpan duration, CancellationToken ct = default)
    {
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(1))
        {
            throw new BadInputException($"duration {duration} is out of range; give a duration between 1 ms and 1 hour, e.g. 5s.");
        }

        // In a notebook the cell would otherwise look stuck for the whole session.
        var view = Display.ProgressView.ShowInNotebook($"Profiling pid {Pid}", duration.TotalSeconds, "s");
        try
        {
            var nettrace = TempTraces.NewPath(Pid);
            view?.Update(0, DiffsHeap ? "heap snapshot (before)" : "starting the session");
            var before = DiffsHeap ? await SnapshotHeap(ct) : null;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            EventPipeRecording.Outcome outcome;
            using (var ticker = view is null ? null : new Timer(_ => view.Update(Math.Min(clock.Elapsed.TotalSeconds, duration.TotalSeconds), "sampling"), null, 0, 500))
            {
                outcome = await EventPipeRecording.Record(Pid, EventPipeRecording.ProfileProviders(CounterIntervalSeconds), rundown: true, duration, nettrace, ct);
            }

            HeapDiff? heap = null;
            if (before is not null && !outcome.TargetExited)
            {
                view?.Update(duration.TotalSeconds, "heap snapshot (after)");
                heap = (await SnapshotHeap(ct)).Diff(before);
            }

            view?.Update(duration.TotalSeconds, "reading the trace");
            var profile = await Task.Run(() => Analyse(Pid, nettrace, outcome, heap), ct);
            view?.Complete($"{profile.Samples:N0} CPU samples, {profile.WaitingSamples:N0} waiting; {profile.Findings[0].Title}");
            return profile;
        }
        catch
        {
            view?.Complete("failed", success: false);
            throw;
        }
    }


    /// <summary>
    /// The live managed heap by type (an EventPipe GC heap dump: it induces one full GC in the target).
    /// Take two a few seconds apart and diff them: <c>(await p.SnapshotHeap()).Diff(before)</c>.
    /// </summary>
    public Task<HeapSnapshot> SnapshotHeap(CancellationToken ct = default) => HeapDumpReading.Take(Pid, TimeSpan.FromSeconds(60), ct);

    /// <summary>Reads a saved .nettrace (from this profiler or dotnet-trace) into a profile.</summary>
    public static Profile Open(string nettracePath)
    {
        if (!File.Exists(nettracePath))
        {
            throw new BadInputException($"trace file {nettracePath} does not exist; pass a .nettrace written by 'perfnb profile --nettrace' or dotnet-trace.");
        }

        var info = new FileInfo(nettracePath);
        return Analyse(0, info.FullName, new EventPipeRecording.Outcome(0, TargetExited: false), heap: null);
    }

    private static Profile Analyse(int pid, string nettrace, EventPipeRecording.Outcome outcome, HeapDiff? heap)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var content = TraceReading.Read(nettrace);
        var (cpu, waiting) = ProfileAnalysis.Trees(content.Samples);
        var seconds = outcome.Seconds > 0 ? outcome.Seconds : SpanSeconds(content.Samples);
        var partial = outcome.TargetExited
            ? $"process {pid} exited {outcome.Seconds:F1} s into the session; this profile covers only that time."
            : null;
        return new Profile(pid, seconds, cpu, waiting, content.Counters, content.ContentionEvents, partial, nettrace, heap, content.Cores)
        {
            AnalysisSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    private static double SpanSeconds(IReadOnlyList<ThreadSample> samples) =>
        samples.Count == 0 ? 0 : (samples.Max(s => s.Milliseconds) - samples.Min(s => s.Milliseconds)) / 1000;
}
