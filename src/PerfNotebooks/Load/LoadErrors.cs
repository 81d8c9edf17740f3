namespace PerfNotebooks.Load;

/// <summary>
/// Failed requests by kind, as wrk reports them: no connection, the write failed, the reply broke off,
/// no reply within the timeout, and replies whose status was 400 or above (by status code).
/// </summary>
public sealed record LoadErrors(long Connect, long Write, long Read, long Timeout, IReadOnlyDictionary<int, long> Status)
{
    public long StatusTotal => Status.Values.Sum();

    public long Total => Connect + Write + Read + Timeout + StatusTotal;

    public override string ToString() =>
        Total == 0
            ? "none"
            : string.Join(", ", new[]
            {
                Connect > 0 ? $"connect {Connect}" : null,
                Write > 0 ? $"write {Write}" : null,
                Read > 0 ? $"read {Read}" : null,
                Timeout > 0 ? $"timeout {Timeout}" : null,
            }.Concat(Status.OrderBy(s => s.Key).Select(s => $"status {s.Key}: {s.Value}")).OfType<string>());
}
