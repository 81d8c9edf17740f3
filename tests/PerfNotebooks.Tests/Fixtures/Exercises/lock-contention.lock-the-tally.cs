using System.Security.Cryptography;

namespace PerfNotebooks.SampleServers.LockContention;

// A learner's correct fix: compute outside the lock; lock only for the tally, a few nanoseconds.
internal static class RiskScores
{
    private static readonly object Gate = new();
    private static readonly Dictionary<int, int> Served = [];

    public static (long Score, int Served) Score(int userId)
    {
        var score = Compute(userId);
        lock (Gate)
        {
            Served[userId] = Served.GetValueOrDefault(userId) + 1;
            return (score, Served[userId]);
        }
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
