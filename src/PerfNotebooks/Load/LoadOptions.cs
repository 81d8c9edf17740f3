namespace PerfNotebooks.Load;

/// <summary>
/// How to load a server. Closed loop (no <see cref="Rate"/>): each connection sends its next request when
/// the previous reply arrives. Open loop (<see cref="Rate"/> requests/s): requests are sent on a fixed
/// schedule and latency is charged from the scheduled time, so a stalled server pays for every request it delayed.
/// </summary>
public sealed record LoadOptions
{
    public int Connections { get; init; } = 10;

    public double? Rate { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    public string Method { get; init; } = "GET";

    public IReadOnlyList<string> Headers { get; init; } = [];

    public string? Body { get; init; }

    /// <summary>A request with no reply after this long counts as a timeout error.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Open loop: a request sent more than this after its scheduled time counts as late.</summary>
    public TimeSpan LateThreshold { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Keep every request's latency (memory grows with the run); off by default, the histogram is enough.</summary>
    public bool KeepSamples { get; init; }

    /// <summary>How requests are sent; Auto picks the cheapest measured one (docs/benchmarks.md).</summary>
    internal LoadEngine Engine { get; init; }

    internal void Validate()
    {
        if (Connections is < 1 or > 10_000)
        {
            throw new BadInputException($"connections {Connections} is out of range; use 1 to 10000.");
        }

        if (Rate is { } r && (r <= 0 || double.IsNaN(r) || double.IsInfinity(r)))
        {
            throw new BadInputException($"rate {r} is not a positive number of requests per second; use e.g. --rate 500.");
        }

        if (Duration <= TimeSpan.Zero)
        {
            throw new BadInputException($"duration {Duration} is not positive; use e.g. --duration 10s.");
        }

        if (Warmup < TimeSpan.Zero)
        {
            throw new BadInputException($"warmup {Warmup} is negative; use e.g. --warmup 2s or 0.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new BadInputException($"timeout {Timeout} is not positive; use e.g. --timeout 5s.");
        }
    }
}

/// <summary>
/// Transports measured against each other: blocking sockets on a thread per connection (one recv per
/// reply), async sockets (scale to many connections, needed for the open loop's schedule), HttpClient, and an epoll
/// loop of our own per core over raw nonblocking sockets (closed loop, plain HTTP, Linux x86-64).
/// </summary>
internal enum LoadEngine
{
    Auto,
    Async,
    Threads,
    HttpClient,
    Epoll,
}
