using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.LockContention;

/// <summary>Computes a CPU-heavy risk score per user and keeps a shared tally of scores served.</summary>
internal sealed class RiskScores
{
    public const int HashRounds = 3_000;

    private readonly object _gate = new();
    private readonly Dictionary<int, int> _servedUnderLock = [];
    private readonly ConcurrentDictionary<int, int> _served = new();

    /// <summary>THE BUG: one global lock held for the whole computation; requests run one at a time whatever the cores.</summary>
    public (long Score, int Served) UnderGlobalLock(int userId)
    {
        var waitStart = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            ServerMetrics.LockWait.Observe(Stopwatch.GetElapsedTime(waitStart).TotalSeconds);
            var score = Compute(userId);
            _servedUnderLock[userId] = _servedUnderLock.GetValueOrDefault(userId) + 1;
            return (score, _servedUnderLock[userId]);
        }
    }

    /// <summary>THE FIX: compute outside any lock; only the tally is shared, and it is a lock-free concurrent map.</summary>
    public (long Score, int Served) LockFree(int userId)
    {
        var score = Compute(userId);
        return (score, _served.AddOrUpdate(userId, 1, (_, n) => n + 1));
    }

    private static long Compute(int userId)
    {
        Span<byte> state = stackalloc byte[32];
        BitConverter.TryWriteBytes(state, userId);
        for (var i = 0; i < HashRounds; i++)
        {
            SHA256.HashData(state, state);
        }

        return BitConverter.ToInt64(state) & 0xFFFF;
    }
}
