namespace PerfNotebooks.Profiling;

/// <summary>
/// Attach to any running process and sample it: <c>var profile = await Profiler.Attach(pid).Sample(TimeSpan.FromSeconds(5));</c>
/// The runtime decides the backend: .NET → EventPipe (CPU, waiting, runtime counters), Node → its inspector (a V8
/// CPU profile), Go → its net/http/pprof endpoint when it serves one, else Linux perf, anything else → perf.
/// Every backend yields the same <see cref="Profile"/>.
/// </summary>
public sealed class Profiler
{
    private ProfiledRuntime? runtime;

    private Profiler(int pid) => Pid = pid;

    /// <summary>The process to sample; 0 for a profiler made by <see cref="Pprof"/> (a URL, no process).</summary>
    public int Pid { get; }

    /// <summary>The backend asked for; <see cref="ProfilerBackend.Auto"/> picks the runtime's default.</summary>
    public ProfilerBackend Backend { get; private set; } = ProfilerBackend.Auto;

    /// <summary>The Go program's pprof endpoint, when given or found on one of its ports.</summary>
    public string? PprofUrl { get; private set; }

    /// <summary>What the process runs on, read from /proc (.NET, Node, Go or native).</summary>
    public ProfiledRuntime Runtime => runtime ??= Pid > 0 ? Backends.RuntimeDetection.Detect(Pid) : ProfiledRuntime.Go;

    /// <summary>Seconds between two runtime-counter points (1 by default).</summary>
    public int CounterIntervalSeconds { get; private set; } = 1;

    public static Profiler Attach(int pid) => new(pid);

    public static Profiler Attach(IProfileTarget target) => new(target.Pid);

    public static Profiler Attach(System.Diagnostics.Process process) => new(process.Id);

    /// <summary>A Go program's CPU profile from its net/http/pprof endpoint, e.g. <c>Profiler.Pprof("http://127.0.0.1:6060")</c>.</summary>
    public static Profiler Pprof(string url) => new Profiler(0).WithPprof(url);

    /// <summary>Sample through this backend instead of the runtime's default (e.g. perf for a Go or .NET process).</summary>
    public Profiler WithBackend(ProfilerBackend backend)
    {
        Backend = backend;
        return this;
    }

    /// <summary>Where the Go program serves net/http/pprof: a base URL ("http://127.0.0.1:6060") or the profile URL.</summary>
    public Profiler WithPprof(string url)
    {
        _ = Backends.PprofEndpoint.ProfileUrl(url, TimeSpan.FromSeconds(1));
        PprofUrl = url;
        return this;
    }

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
        var profile = await SampleOnce(duration, ct);
        Evidence.EvidenceTrail.Record(new Evidence.TakenEvidence("profile", Pid, PprofUrl ?? "", DateTimeOffset.UtcNow, duration.TotalSeconds,
            string.Join("; ", profile.Findings.Select(f => f.Title))));
        return profile;
    }

    private async Task<Profile> SampleOnce(TimeSpan duration, CancellationToken ct)
    {
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromHours(1))
        {
            throw new BadInputException($"duration {duration} is out of range; give a duration between 1 ms and 1 hour, e.g. 5s.");
        }

        using var cell = NotebookHost.JoinCell(ct); // an interrupted cell ends its session
        ct = cell.Token;
        var backend = await ChooseBackend(ct);
        if (backend != ProfilerBackend.EventPipe)
        {
            return await SampleWith(backend, duration, ct);
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

    /// <summary>The backend <see cref="Sample(TimeSpan, CancellationToken)"/> will use: the asked one, checked against the runtime, or the runtime's default.</summary>
    public async Task<ProfilerBackend> ChooseBackend(CancellationToken ct = default)
    {
        if (Pid <= 0 && PprofUrl is null)
        {
            throw new BadInputException("nothing to profile; pass a process id (Profiler.Attach(pid)) or a pprof endpoint (Profiler.Pprof(url)).");
        }

        if (Pid <= 0)
        {
            return Backend is ProfilerBackend.Auto or ProfilerBackend.Pprof
                ? ProfilerBackend.Pprof
                : throw new BadInputException($"the {Backend} backend needs a process id; pass --pid, or use the pprof URL alone.");
        }

        var on = Runtime;
        var chosen = Backend;
        if (chosen == ProfilerBackend.Auto)
        {
            // The cheapest backend that still names methods (docs/benchmarks.md, "Profiler backends (issue 16)").
            chosen = on switch
            {
                ProfiledRuntime.DotNet => ProfilerBackend.EventPipe,
                ProfiledRuntime.Node => ProfilerBackend.Inspector,
                ProfiledRuntime.Go when PprofUrl is not null || (PprofUrl = await Backends.PprofEndpoint.Discover(Pid, ct)) is not null => ProfilerBackend.Pprof,
                _ => ProfilerBackend.Perf,
            };
        }

        var fits = chosen switch
        {
            ProfilerBackend.EventPipe => on == ProfiledRuntime.DotNet,
            ProfilerBackend.Inspector => on == ProfiledRuntime.Node,
            ProfilerBackend.Pprof => on == ProfiledRuntime.Go,
            _ => true,
        };
        if (!fits)
        {
            throw new BadInputException($"process {Pid} is a {on} process; the {chosen} backend does not apply to it: use --backend auto or perf.");
        }

        if (chosen == ProfilerBackend.Pprof && PprofUrl is null && (PprofUrl = await Backends.PprofEndpoint.Discover(Pid, ct)) is null)
        {
            throw new BadInputException($"Go process {Pid} serves no /debug/pprof/ on its loopback ports; pass --pprof URL, or use --backend perf.");
        }

        if (chosen != ProfilerBackend.EventPipe && DiffsHeap)
        {
            throw new BadInputException($"the heap diff needs .NET's EventPipe; it is not available with the {chosen} backend.");
        }

        return chosen;
    }

    private async Task<Profile> SampleWith(ProfilerBackend backend, TimeSpan duration, CancellationToken ct)
    {
        var on = Pid > 0 ? Runtime : ProfiledRuntime.Go;
        var subject = Pid > 0 ? $"pid {Pid}" : PprofUrl!;
        var view = Display.ProgressView.ShowInNotebook($"Profiling {subject} ({backend.ToString().ToLowerInvariant()})", duration.TotalSeconds, "s");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var cpu = Pid > 0 ? new Backends.ProcessCpu(Pid) : null;
            // A Go or Node server's own query counters: the N+1 evidence .NET's counters give on EventPipe.
            var queries = Pid > 0 && on is ProfiledRuntime.Go or ProfiledRuntime.Node ? await Backends.ServerQueryCounters.Start(Pid, ct) : null;
            using var ticker = view is null ? null : new Timer(_ => view.Update(Math.Min(clock.Elapsed.TotalSeconds, duration.TotalSeconds), "sampling"), null, 0, 500);
            var recording = backend switch
            {
                ProfilerBackend.Inspector => await Backends.NodeInspector.Record(Pid, duration, ct),
                ProfilerBackend.Pprof => await Backends.PprofEndpoint.Record(PprofUrl!, duration, ct),
                _ => await RecordWithPerf(on, duration, ct),
            };
            if (FrameDisguises.Applies(Pid))
            {
                recording = recording.WithFrames(frame => FrameDisguises.Apply(Pid, frame));
            }

            var analysis = System.Diagnostics.Stopwatch.StartNew();
            IReadOnlyList<CounterSeries> counters = [.. cpu is null ? [] : new[] { cpu.Stop() }, .. queries is null ? [] : await queries.Stop(ct)];
            var exited = Pid > 0 && !Directory.Exists($"/proc/{Pid}");
            var (cpuTree, waiting) = recording.Trees();
            var seconds = recording.Seconds > 0 ? recording.Seconds : duration.TotalSeconds;
            var partial = exited ? $"process {Pid} exited during the session; this profile covers only the time before." : null;
            var profile = new Profile(Pid, seconds, cpuTree, waiting, counters, 0, partial, null, null, on, backend.ToString().ToLowerInvariant())
            {
                // From the end of the sampling period: perf script or the transfer, then the stacks and rules.
                AnalysisSeconds = Math.Max(analysis.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds - duration.TotalSeconds),
                SamplePeriodNanos = recording.PeriodNanos,
            };
            view?.Complete($"{profile.Samples:N0} CPU samples; {profile.Findings[0].Title}");
            return profile;
        }
        catch
        {
            view?.Complete("failed", success: false);
            throw;
        }
    }

    // A .NET process under perf names its JIT frames only through a perf map, which the runtime writes on request.
    private async Task<Formats.StackRecording> RecordWithPerf(ProfiledRuntime on, TimeSpan duration, CancellationToken ct)
    {
        if (on == ProfiledRuntime.Node)
        {
            Backends.PerfRecording.RequireNodePerfMap(Pid);
        }

        var client = on == ProfiledRuntime.DotNet ? EventPipeRecording.Connect(Pid) : null;
        try
        {
            client?.EnablePerfMap(Microsoft.Diagnostics.NETCore.Client.PerfMapType.PerfMap);
        }
        catch (Exception e) when (e is Microsoft.Diagnostics.NETCore.Client.ServerNotAvailableException or Microsoft.Diagnostics.NETCore.Client.UnsupportedCommandException)
        {
            throw EventPipeRecording.NotAttachable(Pid, e);
        }

        try
        {
            return await Backends.PerfRecording.Record(Pid, duration, ct, jitted: client is not null);
        }
        finally
        {
            try
            {
                client?.DisablePerfMap();
            }
            catch (Exception e) when (e is Microsoft.Diagnostics.NETCore.Client.ServerNotAvailableException or IOException)
            {
                // The target exited: nothing left to switch off.
            }
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

    /// <summary>
    /// Reads a profile file: pprof (gzipped profile.proto), a V8 .cpuprofile, 'perf script' text or folded stacks.
    /// The runtime (which frames are the app's own) is guessed from the frames unless given.
    /// </summary>
    public static Profile Import(string path, ProfiledRuntime? runtime = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (recording, format, on) = Formats.ProfileImport.Read(path, runtime);
        var (cpu, waiting) = recording.Trees();
        return new Profile(0, recording.Seconds, cpu, waiting, [], 0, null, null, null, on, "import:" + format)
        {
            AnalysisSeconds = clock.Elapsed.TotalSeconds,
            SamplePeriodNanos = recording.PeriodNanos,
        };
    }

    private static Profile Analyse(int pid, string nettrace, EventPipeRecording.Outcome outcome, HeapDiff? heap)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var content = TraceReading.Read(nettrace, pid);
        var (cpu, waiting) = ProfileAnalysis.Trees(content.Samples);
        var seconds = outcome.Seconds > 0 ? outcome.Seconds : SpanSeconds(content.Samples);
        var partial = outcome.TargetExited
            ? $"process {pid} exited {outcome.Seconds:F1} s into the session; this profile covers only that time."
            : null;
        return new Profile(pid, seconds, cpu, waiting, content.Counters, content.ContentionEvents, partial, nettrace, heap, targetCores: content.Cores)
        {
            // EventPipe's sample profiler walks every thread once a millisecond.
            SamplePeriodNanos = 1_000_000,
            AnalysisSeconds = clock.Elapsed.TotalSeconds,
            LineData = content.Lines,
        };
    }

    private static double SpanSeconds(IReadOnlyList<ThreadSample> samples) =>
        samples.Count == 0 ? 0 : (samples.Max(s => s.Milliseconds) - samples.Min(s => s.Milliseconds)) / 1000;
}
