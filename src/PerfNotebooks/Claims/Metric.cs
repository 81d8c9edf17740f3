namespace PerfNotebooks.Claims;

/// <summary>The performance metric a claim is about; <see cref="None"/> when it is not about one.</summary>
internal enum Metric : byte
{
    None,
    Latency,
    Duration,
    Throughput,
    Memory,
    Cpu,
    Cost,
    ErrorRate,
    Size,
    Other,
}

internal static class MetricNames
{
    public static string? Name(this Metric metric) => metric switch
    {
        Metric.Latency => "latency",
        Metric.Duration => "duration",
        Metric.Throughput => "throughput",
        Metric.Memory => "memory",
        Metric.Cpu => "cpu",
        Metric.Cost => "cost",
        Metric.ErrorRate => "error_rate",
        Metric.Size => "size",
        Metric.Other => "other",
        _ => null,
    };

    public static Metric Parse(string? name) => name switch
    {
        "latency" => Metric.Latency,
        "duration" => Metric.Duration,
        "throughput" => Metric.Throughput,
        "memory" => Metric.Memory,
        "cpu" => Metric.Cpu,
        "cost" => Metric.Cost,
        "error_rate" => Metric.ErrorRate,
        "size" => Metric.Size,
        "other" => Metric.Other,
        null or "" or "null" => Metric.None,
        _ => throw new BadInputException($"Unknown metric '{name}': use latency, duration, throughput, memory, cpu, cost, error_rate, size, other or null."),
    };
}
