using System.Runtime.CompilerServices;

namespace PerfNotebooks.ProfilingTarget;

/// <summary>CPU-bound: one thread spends its time in <see cref="CountPrimes"/>.</summary>
internal sealed class PrimeCrunching : Workloads
{
    public override void Run(TimeSpan duration) => Until(duration, () =>
    {
        if (CountPrimes(20_000) > 0)
        {
            Interlocked.Increment(ref Operations);
        }
    });

    // Trial division on purpose: the slow algorithm is the "bug" the profiler must name. Not inlined, so it keeps its own frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static int CountPrimes(int limit)
    {
        var count = 0;
        for (var n = 2; n < limit; n++)
        {
            var prime = true;
            for (var d = 2; d * d <= n; d++)
            {
                if (n % d == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (prime)
            {
                count++;
            }
        }

        return count;
    }
}
