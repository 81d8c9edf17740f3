namespace PerfNotebooks.Claims;

/// <summary>Suggested rewrites for vague claims: the bullet's metric with every part a reader needs.</summary>
internal static class Rewrites
{
    public static string ForVague(Metric metric) => metric switch
    {
        Metric.Latency =>
            "Cut p99 latency of <endpoint> from <before> ms to <after> ms at <N> req/s on <instance type>, measured with <tool, e.g. wrk or k6>.",
        Metric.Duration =>
            "Cut <build/job/test suite> time from <before> min to <after> min (median of <N> runs) on <runner: cores, RAM>, measured with <tool, e.g. hyperfine>.",
        Metric.Throughput =>
            "Raised <service> throughput from <before> to <after> req/s at p99 < <X> ms on <N> cores, measured with <tool, e.g. k6>.",
        Metric.Memory =>
            "Cut peak RSS of <process> from <before> MB to <after> MB under <workload>, on <instance type>, measured with <tool, e.g. dotnet-counters or heaptrack>.",
        Metric.Cpu =>
            "Cut CPU from <before>% to <after>% of <N> cores at <N> req/s (p99), profiled with <tool, e.g. perf or pprof>.",
        Metric.Cost =>
            "Cut <service> cloud cost from $<before>/month to $<after>/month at <traffic>, by <change> on <instance type>.",
        Metric.ErrorRate =>
            "Cut the 5xx rate of <service> from <before>% to <after>% at <N> req/s over <period>, measured with <tool>.",
        Metric.Size =>
            "Shrank <artifact> from <before> MB to <after> MB (gzip), measured with <tool, e.g. source-map-explorer>.",
        _ =>
            "Name the metric with before and after values, a percentile, the workload, the hardware and the tool, e.g. 'Cut p99 latency from 850 ms to 120 ms at 2k req/s on a c5.large, measured with k6.'",
    };
}
