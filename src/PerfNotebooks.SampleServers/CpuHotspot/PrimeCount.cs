namespace PerfNotebooks.SampleServers.CpuHotspot;

/// <summary>GET /cpu-intense?limit=100000 answers with how many primes there are from 2 up to limit (2 to 1,000,000).</summary>
internal static class PrimeCount
{
    public static int UpTo(int limit)
    {
        var primes = 0;
        for (var i = 2; i <= limit; i++)
        {
            var isPrime = true;
            for (var j = 2; j * j <= i; j++)
            {
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

        return primes;
    }
}
