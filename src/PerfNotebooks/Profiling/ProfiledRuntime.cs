namespace PerfNotebooks.Profiling;

/// <summary>What a profiled process runs on: it decides the default backend and which frames are the app's own code.</summary>
public enum ProfiledRuntime
{
    /// <summary>A .NET process (it has a diagnostics port).</summary>
    DotNet,

    /// <summary>A Node.js process (V8).</summary>
    Node,

    /// <summary>A Go program (its executable carries Go build info).</summary>
    Go,

    /// <summary>Anything else: C, C++, Rust... profiled with Linux perf.</summary>
    Native,
}
