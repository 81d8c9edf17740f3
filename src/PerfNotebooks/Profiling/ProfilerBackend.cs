namespace PerfNotebooks.Profiling;

/// <summary>How the samples are taken. <see cref="Auto"/> picks the cheapest one that names methods for the runtime.</summary>
public enum ProfilerBackend
{
    Auto,

    /// <summary>.NET's EventPipe sample profiler over the diagnostics IPC (also gives runtime counters).</summary>
    EventPipe,

    /// <summary>Linux perf with the software cpu-clock; JIT frames named from /tmp/perf-PID.map.</summary>
    Perf,

    /// <summary>Node's inspector: the DevTools protocol's Profiler domain (a V8 CPU profile).</summary>
    Inspector,

    /// <summary>A Go program's net/http/pprof endpoint.</summary>
    Pprof,
}
