using System.Globalization;

namespace PerfNotebooks.Profiling;

/// <summary>Threads queue on one lock: contention counter high and waiting stacks inside Monitor/Lock enter.</summary>
public sealed class LockContentionRule : IFindingRule
{
    public string Name => "lock-contention";

    public Finding? Check(Profile profile)
    {
        var waits = StackQuery.Through(profile.Waiting, IsLockEnter);
        var contentionsPerSecond = profile.Counter("monitor-lock-contention-count")?.PerSecondAfterFirst ?? profile.ContentionEvents / Math.Max(1, profile.DurationSeconds);

        // Share of the waiting that app code did: a server's idle pool, I/O and timer threads wait all the time
        // with no app frame, and would drown the request threads parked on the lock.
        var appWaiting = StackQuery.Through(profile.Waiting, FrameNames.IsAppCode).Samples;
        var share = appWaiting == 0 ? 0 : 100.0 * waits.Samples / appWaiting;
        // The stacks are the main evidence (threads parked entering a lock); the counter only confirms it is real
        // contention, with a low bar because a loaded machine stretches hold times and so lowers the rate.
        if (contentionsPerSecond < 10 || share < 10 || waits.Caller is null)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        return new Finding(
            Name, $"Lock contention in {waits.Caller}",
            $"threads wait to enter a lock taken in {waits.Caller}; the lock is held too long or too often.",
            [
                string.Create(c, $"{contentionsPerSecond:F0} lock contentions per second"),
                string.Create(c, $"{share:F0}% of the app's waiting samples are inside a lock enter, most under {waits.Caller}"),
            ],
            $"shrink the critical section in {waits.Caller} (do slow work outside the lock), or use a concurrent collection / per-thread state.");
    }

    private static bool IsLockEnter(string frame) => StackQuery.StartsWithAny(
        frame,
        "System.Threading.Monitor.Enter",
        "System.Threading.Monitor.ReliableEnter",
        "System.Threading.Monitor.TryEnter",
        "System.Threading.Lock.Enter",
        "System.Threading.Lock.TryEnterSlow",
        "System.Threading.ObjectHeader");
}
