namespace PerfNotebooks.SampleServers.CpuHotspot;

// A learner's correct fix: a plain sieve of Eratosthenes over every number.
internal static class PrimeCount
{
    public static int UpTo(int limit)
    {
        var composite = new bool[limit + 1];
        var primes = 0;
        for (var i = 2; i <= limit; i++)
        {
            if (composite[i])
            {
                continue;
            }

            primes++;
            for (long m = (long)i * i; m <= limit; m += i)
            {
                composite[m] = true;
            }
        }

        return primes;
    }
}
