namespace PerfNotebooks.ProfilingTarget;

/// <summary>The modes the target runs; each "fixed" twin does the same job without the bug.</summary>
internal abstract class Workloads
{
    public static long Operations;

    public abstract void Run(TimeSpan duration);

    public static Workloads For(string mode) => mode switch
    {
        "cpu" => new PrimeCrunching(),
        "idle" => new Idle(),
        "wait" => new BlockedWaiters(),
        "sync-over-async" => new SyncOverAsync(fixedVersion: false),
        "async" => new SyncOverAsync(fixedVersion: true),
        "lock" => new LockConvoy(fixedVersion: false),
        "nolock" => new LockConvoy(fixedVersion: true),
        "alloc" => new Allocator(fixedVersion: false),
        "noalloc" => new Allocator(fixedVersion: true),
        "leak" => new LeakingCache(fixedVersion: false),
        "bounded" => new LeakingCache(fixedVersion: true),
        "n+1" => new NPlusOneQueries(fixedVersion: false),
        "one-query" => new NPlusOneQueries(fixedVersion: true),
        _ => throw new ArgumentException($"unknown mode '{mode}'"),
    };

    protected static void Until(TimeSpan duration, Action body)
    {
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            body();
        }
    }
}
