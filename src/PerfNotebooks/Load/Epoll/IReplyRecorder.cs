namespace PerfNotebooks.Load.Epoll;

/// <summary>What an <see cref="EpollLoop"/> reports to, and asks of, the run it belongs to.</summary>
internal interface IReplyRecorder
{
    /// <summary>No new requests: let those in flight finish (or time out).</summary>
    bool Stopping { get; }

    /// <summary>Stop at once: the run was cancelled.</summary>
    bool Cancelled { get; }

    /// <summary>A request with no reply after this many Stopwatch ticks is a timeout.</summary>
    long TimeoutTicks { get; }

    /// <summary>Records one request's outcome (a status, or a negative <see cref="Outcome"/>); returns how many milliseconds to wait before the connection tries again (0: at once).</summary>
    int Record(int connection, int outcome, long sentAt);
}
