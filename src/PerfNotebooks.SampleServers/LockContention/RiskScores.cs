using System.Diagnostics;
using System.Security.Cryptography;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.LockContention;

/// <summary>
/// GET /risk-score?userId=42 answers with the user's risk score (a CPU-heavy hash of the id, 0 to 65535) and how
/// many times this server has scored that user, this request included.
/// </summary>
internal static class RiskScores
{
    private static readonly object Gate = new();
    private static readonly Dictionary<int, int> Served = [];

    public static (long Score, int Served) Score(int userId)
    {
        var waitStart = Stopwatch.GetTimestamp();
        lock (Gate)
        {
            ServerMetrics.LockWait.Observe(Stopwatch.GetElapsedTime(waitStart).TotalSeconds);
            var score = Compute(userId);
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
