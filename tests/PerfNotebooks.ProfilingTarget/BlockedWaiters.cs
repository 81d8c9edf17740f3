namespace PerfNotebooks.ProfilingTarget;

/// <summary>Eight threads blocked on an event that never fires, next to one CPU-bound thread.</summary>
internal sealed class BlockedWaiters : Workloads
{
    public override void Run(TimeSpan duration)
    {
        using var never = new ManualResetEventSlim(false);
        var waiters = Enumerable.Range(0, 8).Select(_ => new Thread(() => WaitForever(never)) { IsBackground = true }).ToList();
        waiters.ForEach(t => t.Start());
        new PrimeCrunching().Run(duration);
    }

    private static void WaitForever(ManualResetEventSlim never) => never.Wait();
}
