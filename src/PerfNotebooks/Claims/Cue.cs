namespace PerfNotebooks.Claims;

/// <summary>What a word or phrase tells the analyzer. One phrase can carry several cues.</summary>
[Flags]
internal enum Cue : uint
{
    None = 0,

    /// <summary>Names a performance metric on its own ("latency", "build time"): a performance term.</summary>
    Metric = 1 << 0,

    /// <summary>Hints at a metric only as context for a number ("api", "tests", "build").</summary>
    WeakMetric = 1 << 1,

    /// <summary>A business or process quantity (revenue, team, coverage, onboarding).</summary>
    Business = 1 << 2,

    /// <summary>A performance skill or activity ("optimized", "profiling", "JVM tuning"): a performance term.</summary>
    Skill = 1 << 3,

    /// <summary>Speed words ("faster", "sped up").</summary>
    Speed = 1 << 4,

    /// <summary>A percentile ("p99", "median", "tail").</summary>
    Percentile = 1 << 5,

    /// <summary>A benchmarking or profiling tool.</summary>
    Tool = 1 << 6,

    /// <summary>A CPU, device or instance model.</summary>
    Hardware = 1 << 7,

    /// <summary>Data a workload is measured on ("dataset", "rows", "logs").</summary>
    Data = 1 << 8,

    /// <summary>A preposition that introduces a load level ("under", "at", "while serving").</summary>
    LoadPreposition = 1 << 9,

    /// <summary>A word that makes a count hardware ("cores", "vCPUs", "RAM").</summary>
    HardwareNoun = 1 << 10,

    /// <summary>Network context, for plausibility ("http", "api", "grpc").</summary>
    Network = 1 << 11,

    /// <summary>A change downwards ("reduced", "cut", "lower").</summary>
    Down = 1 << 12,

    /// <summary>A change upwards ("increased", "more", "higher").</summary>
    Up = 1 << 13,

    /// <summary>Introduces a baseline ("from", "baseline", "compared to", "vs").</summary>
    BaselineWord = 1 << 14,

    /// <summary>A comparative that makes a preceding percent or multiplier a change ("faster", "less").</summary>
    Comparative = 1 << 15,

    /// <summary>Makes a percent an absolute level rather than a change ("utilization", "hit rate").</summary>
    Level = 1 << 16,

    /// <summary>Infrastructure context that makes money a cost ("aws", "cloud", "hosting").</summary>
    Infra = 1 << 17,

    /// <summary>A fleet or cluster: throughput is spread across many machines.</summary>
    Fleet = 1 << 18,

    /// <summary>Counts as a performance term only when nothing in the bullet is business ("scaled", "tuned").</summary>
    Weak = 1 << 19,
}
