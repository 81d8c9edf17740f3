using System.Buffers.Text;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace PerfNotebooks.Load;

/// <summary>
/// One keep-alive HTTP/1.1 connection over a raw socket: writes the pre-built request bytes and parses
/// just enough of the reply (status, Content-Length or chunked body, Connection: close) to find its end.
/// No per-request allocation on the success path; failures come back as <see cref="Outcome"/> codes.
/// </summary>
internal sealed class HttpConnection(LoadTarget target, bool blocking = false) : IDisposable
{
    private const int MaxHeaderBytes = 1 << 20;
    private Socket? socket;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private long requestNumber;
    private long timedOutRequest = -1;

    /// <summary>Number of the request in flight; the watchdog uses it so it never aborts the next one by mistake.</summary>
    public long RequestNumber => Volatile.Read(ref requestNumber);

    /// <summary>Stopwatch timestamp when the request in flight was sent, 0 when idle.</summary>
    public long InFlightSince;

    /// <summary>Sends one request and reads its whole reply. Returns the status code, or a negative <see cref="Outcome"/>.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> SendAsync()
    {
        var number = Interlocked.Increment(ref requestNumber);
        var stage = Outcome.Connect;
        try
        {
            if (socket is null)
            {
                var s = new Socket(target.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket = s;
                start = end = 0;
                if (blocking)
                {
                    s.Connect(target.EndPoint);
                }
                else
                {
                    await s.ConnectAsync(target.EndPoint).ConfigureAwait(false);
                }
            }

            stage = Outcome.Write;
            var request = target.Request;
            var sent = 0;
            while (sent < request.Length)
            {
                sent += blocking
                    ? socket.Send(request.AsSpan(sent), SocketFlags.None)
                    : await socket.SendAsync(request.AsMemory(sent), SocketFlags.None).ConfigureAwait(false);
            }

            stage = Outcome.Read;
            var (status, keepAlive) = await ReadResponseAsync().ConfigureAwait(false);
            if (!keepAlive)
            {
                Close();
            }

            return status;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException or InvalidDataException)
        {
            Close();
            return Volatile.Read(ref timedOutRequest) == number ? Outcome.Timeout : stage;
        }
    }

    /// <summary>Called by the watchdog: fails the request in flight as a timeout by closing its socket.</summary>
    public void AbortIfStillRunning(long number)
    {
        if (RequestNumber != number)
        {
            return;
        }

        Volatile.Write(ref timedOutRequest, number);
        socket?.Dispose();
    }

    public void Dispose() => Close();

    private void Close()
    {
        var s = socket;
        socket = null;
        s?.Dispose();
        start = end = 0;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(int Status, bool KeepAlive)> ReadResponseAsync()
    {
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            await FillAsync().ConfigureAwait(false);
        }

        var (status, contentLength, chunked, keepAlive) = ParseHead(buffer.AsSpan(start, headerEnd));
        start += headerEnd + 4;
        if (status == 100)
        {
            return await ReadResponseAsync().ConfigureAwait(false);
        }

        var bodyless = target.IsHead || status is 204 or 304 || status < 200;
        if (bodyless)
        {
            return (status, keepAlive);
        }

        if (chunked)
        {
            await SkipChunkedBodyAsync().ConfigureAwait(false);
        }
        else if (contentLength >= 0)
        {
            await SkipAsync(contentLength).ConfigureAwait(false);
        }
        else
        {
            // No length and not chunked: the body runs until the server closes the connection.
            while (true)
            {
                start = end = 0;
                var n = await ReceiveAsync(0).ConfigureAwait(false);
                if (n == 0)
                {
                    return (status, false);
                }
            }
        }

        return (status, keepAlive);
    }

    internal static (int Status, long ContentLength, bool Chunked, bool KeepAlive) ParseHead(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK"
        if (head.Length < 12 || !head.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
        {
            throw new InvalidDataException("not an HTTP/1.x status line");
        }

        var keepAlive = head[7] == (byte)'1';
        long contentLength = -1;
        var chunked = false;
        var lineEnd = head.IndexOf("\r\n"u8);
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var next = rest.IndexOf("\r\n"u8);
            var line = next < 0 ? rest : rest[..next];
            rest = next < 0 ? [] : rest[(next + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out contentLength, out _))
                {
                    throw new InvalidDataException("bad Content-Length");
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = ContainsIgnoreCase(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                keepAlive = !ContainsIgnoreCase(value, "close"u8) && (keepAlive || ContainsIgnoreCase(value, "keep-alive"u8));
            }
        }

        return (status, contentLength, chunked, keepAlive);
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> value, ReadOnlySpan<byte> word)
    {
        for (var i = 0; i + word.Length <= value.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(value.Slice(i, word.Length), word))
            {
                return true;
            }
        }

        return false;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SkipChunkedBodyAsync()
    {
        while (true)
        {
            var line = await ReadLineAsync().ConfigureAwait(false);
            var semicolon = buffer.AsSpan(line.Start, line.Length).IndexOf((byte)';');
            var sizeText = buffer.AsSpan(line.Start, semicolon < 0 ? line.Length : semicolon).Trim((byte)' ');
            if (!Utf8Parser.TryParse(sizeText, out long size, out var used, 'X') || used != sizeText.Length)
            {
                throw new InvalidDataException("bad chunk size");
            }

            if (size == 0)
            {
                // Trailers end with an empty line.
                while ((await ReadLineAsync().ConfigureAwait(false)).Length > 0)
                {
                }

                return;
            }

            await SkipAsync(size + 2).ConfigureAwait(false);
        }
    }

    /// <summary>Consumes one CRLF-terminated line and returns where it was in the buffer (valid until the next read).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(int Start, int Length)> ReadLineAsync()
    {
        int eol;
        while ((eol = buffer.AsSpan(start, end - start).IndexOf("\r\n"u8)) < 0)
        {
            await FillAsync().ConfigureAwait(false);
        }

        var line = (start, eol);
        start += eol + 2;
        return line;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SkipAsync(long count)
    {
        while (true)
        {
            var take = (int)Math.Min(count, end - start);
            start += take;
            count -= take;
            if (count == 0)
            {
                return;
            }

            start = end = 0;
            await FillAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Room after the unconsumed bytes buffer[start..end] for the next read: all consumed starts over, a full buffer is
    /// compacted, or grown while a reply's head is still incomplete (up to 1 MiB). The epoll engine's connections share it.
    /// </summary>
    /// <exception cref="InvalidDataException">A head larger than 1 MiB.</exception>
    internal static void MakeRoom(ref byte[] buffer, ref int start, ref int end)
    {
        if (start == end)
        {
            start = end = 0;
        }
        else if (end == buffer.Length)
        {
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            else if (buffer.Length < MaxHeaderBytes)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            else
            {
                throw new InvalidDataException("response head larger than 1 MiB");
            }
        }
    }

    /// <summary>
    /// Blocking mode (one thread per connection) completes synchronously: one recv per reply instead of
    /// the async engine's try-recv, epoll wait, recv.
    /// </summary>
    private ValueTask<int> ReceiveAsync(int at) =>
        blocking
            ? ValueTask.FromResult(socket!.Receive(buffer.AsSpan(at), SocketFlags.None))
            : socket!.ReceiveAsync(buffer.AsMemory(at), SocketFlags.None);

    /// <summary>Reads more bytes after the unconsumed ones, compacting or growing the buffer when full.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FillAsync()
    {
        MakeRoom(ref buffer, ref start, ref end);
        var n = await ReceiveAsync(end).ConfigureAwait(false);
        if (n == 0)
        {
            throw new IOException("server closed the connection mid-response");
        }

        end += n;
    }
}

/// <summary>Negative results of <see cref="HttpConnection.SendAsync"/>: why no reply came back.</summary>
internal static class Outcome
{
    public const int Connect = -1;
    public const int Write = -2;
    public const int Read = -3;
    public const int Timeout = -4;
}
