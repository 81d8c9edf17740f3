namespace PerfNotebooks.SampleServers.CpuHotspot;

/// <summary>Counts the primes up to a limit two ways, reporting the inner-loop steps each took.</summary>
internal static class PrimeCounter
{
    /// <summary>THE BUG: trial division of every number (the seed's Go handler), about n·√n/ln n steps.</summary>
    public static (int Primes, long Steps) TrialDivision(int limit)
    {
        var primes = 0;
        long steps = 0;
        for (var i = 2; i <= limit; i++)
        {
            var isPrime = true;
            for (var j = 2; j * j <= i; j++)
            {
                steps++;
                if (i % j == 0)
                {
                    isPrime = false;
                    break;
                }
            }

            if (isPrime)
            {
                primes++;
            }
        }

        return (primes, steps);
    }

    /// <summary>THE FIX: sieve of Eratosthenes over odd numbers only, about n·log log n / 2 steps.</summary>
    public static (int Primes, long Steps) Sieve(int limit)
    {
        if (limit < 2)
        {
            return (0, 0);
        }

        // composite[k] stands for the odd number 2k+1.
        var composite = new bool[(limit / 2) + 1];
        long steps = 0;
        for (long p = 3; p * p <= limit; p += 2)
        {
            if (composite[p / 2])
            {
                continue;
            }

            for (var m = p * p; m <= limit; m += 2 * p)
            {
                composite[m / 2] = true;
                steps++;
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

        return (primes, steps + (limit / 2));
    }
}
