using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PerfNotebooks.SampleServers.LockContention;

/// <summary>
/// GET /risk-score?userId=42 answers with the user's risk score (a CPU-heavy hash of the id, 0 to 65535) and how
/// many times this server has scored that user, this request included.
/// </summary>
internal static class RiskScores
{
    // Only the tally is shared, and a concurrent map updates it without a global lock.
    private static readonly ConcurrentDictionary<int, int> Served = new();

    public static (long Score, int Served) Score(int userId)
    {
        var score = Compute(userId);
        return (score, Served.AddOrUpdate(userId, 1, (_, n) => n + 1));
    }

    private static long Compute(int userId)
    {
        Span<byte> state = stackalloc byte[32];
        BitConverter.TryWriteBytes(state, userId);
        for (var i = 0; i < 3_000; i++)
        {
            SHA256.HashData(state, state);
        }

        return BitConverter.ToInt64(state) & 0xFFFF;
    }
}
