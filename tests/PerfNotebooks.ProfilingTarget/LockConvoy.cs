namespace PerfNotebooks.ProfilingTarget;

/// <summary>Four threads fighting for one lock held during slow work; fixed: the work is done outside it.</summary>
internal sealed class LockConvoy(bool fixedVersion) : Workloads
{
    private readonly object gate = new();
    private long total;

    public override void Run(TimeSpan duration)
    {
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() => Until(duration, Step))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    private void Step()
    {
        if (fixedVersion)
        {
            var value = Slow();
            lock (gate)
            {
                total += value;
            }
        }
        else
        {
            lock (gate)
            {
                total += Slow();
            }
        }

        Interlocked.Increment(ref Operations);
    }

    private static int Slow()
    {
        Thread.Sleep(1);
        return 1;
    }
}
