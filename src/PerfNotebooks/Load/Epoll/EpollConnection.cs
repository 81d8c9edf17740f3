namespace PerfNotebooks.Load.Epoll;

/// <summary>
/// One keep-alive connection driven by an <see cref="EpollLoop"/>: connect, write the pre-built request, read until
/// the reply ends. Registered once, edge-triggered; a read that returns less than the space offered has drained the
/// socket, so no read ends in EAGAIN (the .NET socket layer tries one before every wait).
/// </summary>
internal sealed class EpollConnection(LoadTarget target, int index)
{
    private readonly ResponseScanner scanner = new(target.IsHead);
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private int written;
    private bool connecting;

    public int Index { get; } = index;

    /// <summary>Changes with every socket, so an event for a closed one is told apart from its successor's.</summary>
    public uint Generation { get; private set; }

    public int Fd { get; private set; } = -1;

    public bool InFlight { get; private set; }

    /// <summary>Stopwatch timestamp the request in flight was started at.</summary>
    public long SentAt { get; private set; }

    /// <summary>Not before this timestamp: a backoff after failed connects.</summary>
    public long RetryAt { get; set; }

    public bool KeepAlive => scanner.KeepAlive;

    /// <summary>The token epoll returns with this connection's events: its index and its socket's generation.</summary>
    public ulong Token => ((ulong)Generation << 32) | (uint)Index;

    /// <summary>Starts a request (connecting first if needed); 0 while in flight, a status when already done, or a negative <see cref="Outcome"/>.</summary>
    public int Begin(int epoll, long now)
    {
        InFlight = true;
        SentAt = now;
        written = 0;
        if (Fd < 0)
        {
            var fd = LinuxSockets.Connect(target.EndPoint, out _);
            if (fd < 0)
            {
                return Outcome.Connect;
            }

            Fd = fd;
            Generation++;
            start = end = 0;
            scanner.Reset();
            if (LinuxSockets.Watch(epoll, fd, Token) != 0)
            {
                return Outcome.Connect;
            }

            connecting = true;
            return 0; // the socket's first writable event says the connect is done
        }

        return Write();
    }

    /// <summary>Handles one epoll event: 0 while the request is still in flight, a status, or a negative <see cref="Outcome"/>.</summary>
    public int OnEvent(uint events)
    {
        if (!InFlight)
        {
            // The server closed an idle keep-alive connection: the next request connects again.
            if ((events & (LinuxSockets.EPOLLHUP | LinuxSockets.EPOLLRDHUP | LinuxSockets.EPOLLERR)) != 0)
            {
                Close();
            }

            return 0;
        }

        if (connecting)
        {
            if ((events & (LinuxSockets.EPOLLOUT | LinuxSockets.EPOLLERR | LinuxSockets.EPOLLHUP)) == 0)
            {
                return 0;
            }

            if (LinuxSockets.ConnectError(Fd) != 0)
            {
                return Outcome.Connect;
            }

            connecting = false;
            var sent = Write();
            if (sent != 0 || (events & LinuxSockets.EPOLLIN) == 0)
            {
                return sent;
            }
        }
        else if (written < target.Request.Length)
        {
            if ((events & (LinuxSockets.EPOLLOUT | LinuxSockets.EPOLLERR | LinuxSockets.EPOLLHUP)) != 0)
            {
                var sent = Write();
                if (sent != 0)
                {
                    return sent;
                }
            }

            return 0;
        }

        return (events & (LinuxSockets.EPOLLIN | LinuxSockets.EPOLLRDHUP | LinuxSockets.EPOLLHUP | LinuxSockets.EPOLLERR)) != 0 ? Read() : 0;
    }

    /// <summary>The request is over (done, failed or timed out): not in flight, and the socket closed if it must not be reused.</summary>
    public void Finish(bool close)
    {
        InFlight = false;
        if (close)
        {
            Close();
        }
    }

    public void Close()
    {
        if (Fd >= 0)
        {
            LinuxSockets.Close(Fd); // also leaves the epoll set
            Fd = -1;
        }

        connecting = false;
        start = end = 0;
        scanner.Reset();
    }

    private int Write()
    {
        var request = target.Request;
        while (written < request.Length)
        {
            var n = LinuxSockets.Send(Fd, request.AsSpan(written));
            if (n < 0)
            {
                // A full send buffer: the writable event continues; anything else is a failed write.
                return LinuxSockets.LastError is LinuxSockets.EAGAIN or LinuxSockets.EINTR ? 0 : Outcome.Write;
            }

            written += (int)n;
        }

        return 0;
    }

    private int Read()
    {
        try
        {
            while (true)
            {
                HttpConnection.MakeRoom(ref buffer, ref start, ref end);
                var space = buffer.Length - end;
                var n = LinuxSockets.Receive(Fd, buffer.AsSpan(end));
                if (n > 0)
                {
                    end += (int)n;
                    if (scanner.Scan(buffer, ref start, end))
                    {
                        return scanner.Status;
                    }

                    if (n < space)
                    {
                        return 0; // drained: the next bytes raise a new edge
                    }

                    continue;
                }

                if (n == 0)
                {
                    // Closed by the server: a reply whose body runs until the close ends here; any other is cut short.
                    return scanner.EndOfStream() ? scanner.Status : Outcome.Read;
                }

                return LinuxSockets.LastError is LinuxSockets.EAGAIN or LinuxSockets.EINTR ? 0 : Outcome.Read;
            }
        }
        catch (InvalidDataException)
        {
            return Outcome.Read;
        }
    }
}
