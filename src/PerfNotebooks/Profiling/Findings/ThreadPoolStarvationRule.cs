using System.Globalization;

namespace PerfNotebooks.Profiling;

/// <summary>Blocking on async work (.Result, .Wait(), GetResult()) from pool threads: the pool starves and the queue grows.</summary>
public sealed class ThreadPoolStarvationRule : IFindingRule
{
    public string Name => "threadpool-starvation";

    public Finding? Check(Profile profile)
    {
        var blocked = StackQuery.Through(profile.Waiting, IsBlockingWait, OnPoolThread);
        var queue = profile.Counter("threadpool-queue-length");
        var threads = profile.Counter("threadpool-thread-count");
        var blockedShare = profile.WaitingSamples == 0 ? 0 : 100.0 * blocked.Samples / profile.WaitingSamples;
        var queueGrew = queue is { Max: >= 5 };
        if (blocked.Caller is null || blockedShare < 10 || !(queueGrew || threads is { } t && t.Last > t.First + 2))
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var evidence = new List<string>
        {
            string.Create(c, $"{blockedShare:F0}% of waiting samples are pool threads blocked in a task wait, most under {blocked.Caller}"),
        };
        if (queue is not null)
        {
            evidence.Add(string.Create(c, $"thread-pool queue length peaked at {queue.Max:F0}"));
        }

        if (threads is not null)
        {
            evidence.Add(string.Create(c, $"thread-pool threads went from {threads.First:F0} to {threads.Last:F0} (max {threads.Max:F0})"));
        }

        return new Finding(
            Name, $"Thread-pool starvation: sync-over-async in {blocked.Caller}",
            $"{blocked.Caller} blocks a thread-pool thread waiting for async work; queued work piles up while the pool slowly adds threads.",
            evidence,
            $"make {blocked.Caller} async all the way (await instead of .Result/.Wait()/GetAwaiter().GetResult()).");
    }

    private static bool IsBlockingWait(string frame) => StackQuery.StartsWithAny(
        frame,
        "System.Threading.Tasks.Task.Wait",
        "System.Threading.Tasks.Task.InternalWait",
        "System.Threading.Tasks.Task`1.get_Result",
        "System.Threading.Tasks.Task`1.GetResultCore",
        "System.Runtime.CompilerServices.TaskAwaiter.HandleNonSuccessAndDebuggerNotification",
        "System.Threading.Tasks.Task.SpinThenBlockingWait");

    private static bool OnPoolThread(IReadOnlyList<string> path) =>
        path.Any(f => f.Contains("PortableThreadPool", StringComparison.Ordinal) || f.StartsWith("System.Threading.ThreadPoolWorkQueue.Dispatch", StringComparison.Ordinal));
}
