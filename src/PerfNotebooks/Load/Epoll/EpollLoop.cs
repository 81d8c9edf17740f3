using System.Diagnostics;

namespace PerfNotebooks.Load.Epoll;

/// <summary>
/// One thread's event loop over its share of a closed loop's connections, as each of wrk's threads runs one: epoll
/// waits for all of them, each reply is recorded and the connection's next request written at once. Timeouts and
/// connect backoffs are swept every 10 ms.
/// </summary>
internal sealed class EpollLoop(IReadOnlyList<EpollConnection> connections, IReplyRecorder run)
{
    private const int WaitMs = 10;
    private static readonly long SweepTicks = Stopwatch.Frequency / 100;
    private readonly EpollConnection[] slots = Slots(connections);
    private int epoll = -1;

    public void Run()
    {
        epoll = LinuxSockets.CreateEpoll();
        if (epoll < 0)
        {
            throw new WorkFailedException($"epoll_create1 failed (errno {LinuxSockets.LastError}); run the load with --engine async");
        }

        try
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var c in connections)
            {
                Start(c, now);
            }

            var events = new LinuxSockets.EpollEvent[Math.Max(16, connections.Count)];
            var nextSweep = now + SweepTicks;
            while (!run.Cancelled && !(run.Stopping && connections.All(c => !c.InFlight)))
            {
                var n = LinuxSockets.Wait(epoll, events, WaitMs);
                if (n < 0 && LinuxSockets.LastError != LinuxSockets.EINTR)
                {
                    throw new WorkFailedException($"epoll_wait failed (errno {LinuxSockets.LastError}); run the load with --engine async");
                }

                for (var i = 0; i < n; i++)
                {
                    var token = events[i].Data;
                    var c = slots[(int)(uint)token];
                    if ((uint)(token >> 32) != c.Generation)
                    {
                        continue; // an event of a socket this connection has closed since
                    }

                    var outcome = c.OnEvent(events[i].Events);
                    if (outcome != 0)
                    {
                        Complete(c, outcome);
                    }
                }

                now = Stopwatch.GetTimestamp();
                if (now >= nextSweep)
                {
                    Sweep(now);
                    nextSweep = now + SweepTicks;
                }
            }
        }
        finally
        {
            foreach (var c in connections)
            {
                c.Close();
            }

            LinuxSockets.Close(epoll);
        }
    }

    private static EpollConnection[] Slots(IReadOnlyList<EpollConnection> connections)
    {
        var slots = new EpollConnection[connections.Max(c => c.Index) + 1];
        foreach (var c in connections)
        {
            slots[c.Index] = c;
        }

        return slots;
    }

    private void Start(EpollConnection c, long now)
    {
        if (run.Stopping || run.Cancelled)
        {
            return;
        }

        var outcome = c.Begin(epoll, now);
        if (outcome != 0)
        {
            Complete(c, outcome);
        }
    }

    private void Complete(EpollConnection c, int outcome)
    {
        c.Finish(close: outcome < 0 || !c.KeepAlive);
        var pause = run.Record(c.Index, outcome, c.SentAt);
        var now = Stopwatch.GetTimestamp();
        if (pause > 0)
        {
            c.RetryAt = now + (pause * Stopwatch.Frequency / 1000);
        }
        else
        {
            Start(c, now);
        }
    }

    private void Sweep(long now)
    {
        foreach (var c in connections)
        {
            if (c.InFlight && now - c.SentAt > run.TimeoutTicks)
            {
                c.Finish(close: true);
                var pause = run.Record(c.Index, Outcome.Timeout, c.SentAt);
                c.RetryAt = now + (pause * Stopwatch.Frequency / 1000);
            }

            if (!c.InFlight && now >= c.RetryAt)
            {
                c.RetryAt = long.MaxValue; // until its next request ends
                Start(c, now);
            }
        }
    }
}
