namespace PerfNotebooks.ProfilingTarget;

/// <summary>A cache keyed by request id that is never evicted; fixed: bounded to 1000 entries.</summary>
internal sealed class LeakingCache(bool fixedVersion) : Workloads
{
    private readonly Dictionary<long, CachedReport> cache = [];

    public override void Run(TimeSpan duration)
    {
        long id = 0;
        Until(duration, () =>
        {
            id++;
            cache[fixedVersion ? id % 1000 : id] = new CachedReport(new byte[1024]);
            Interlocked.Increment(ref Operations);
            if (id % 20 == 0)
            {
                Thread.Sleep(1);
            }
        });
    }
}

/// <summary>The leaking type the heap diff must name.</summary>
internal sealed record CachedReport(byte[] Body);
