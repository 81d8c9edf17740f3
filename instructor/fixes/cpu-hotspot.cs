namespace PerfNotebooks.SampleServers.CpuHotspot;

/// <summary>GET /cpu-intense?limit=100000 answers with how many primes there are from 2 up to limit (2 to 1,000,000).</summary>
internal static class PrimeCount
{
    public static int UpTo(int limit)
    {
        if (limit < 2)
        {
            return 0;
        }

        // Sieve of Eratosthenes over odd numbers: composite[k] stands for 2k+1. About n log log n steps, not n√n.
        var composite = new bool[(limit / 2) + 1];
        for (long p = 3; p * p <= limit; p += 2)
        {
            if (composite[p / 2])
            {
                continue;
            }

            for (var m = p * p; m <= limit; m += 2 * p)
            {
                composite[m / 2] = true;
            }
        }

        var primes = 1; // 2
        for (var k = 1; 2 * k + 1 <= limit; k++)
        {
            if (!composite[k])
            {
                primes++;
            }
        }

        return primes;
    }
}
