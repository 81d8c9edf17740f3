using System.Buffers.Text;

namespace PerfNotebooks.Load.Epoll;

/// <summary>
/// Finds where one HTTP/1.1 reply ends in bytes as they arrive, without awaiting: the head (status, Content-Length or
/// chunked, Connection), then the body skipped by length, by chunks, or until the server closes. The epoll engine's
/// counterpart of <see cref="HttpConnection"/>'s reader, sharing its head parser.
/// </summary>
internal sealed class ResponseScanner(bool isHead)
{
    private Part part;
    private long remaining;

    private enum Part
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        Trailers,
        UntilClose,
    }

    public int Status { get; private set; }

    public bool KeepAlive { get; private set; }

    public void Reset() => part = Part.Head;

    /// <summary>Consumes what it can of buffer[start..end]; true once the reply is complete (start just past it).</summary>
    /// <exception cref="InvalidDataException">The bytes are not an HTTP/1.x reply.</exception>
    public bool Scan(byte[] buffer, ref int start, int end)
    {
        while (true)
        {
            var span = buffer.AsSpan(start, end - start);
            switch (part)
            {
                case Part.Head:
                    var headEnd = span.IndexOf("\r\n\r\n"u8);
                    if (headEnd < 0)
                    {
                        return false;
                    }

                    var (status, contentLength, chunked, keepAlive) = HttpConnection.ParseHead(span[..headEnd]);
                    (Status, KeepAlive) = (status, keepAlive);
                    start += headEnd + 4;
                    if (status == 100)
                    {
                        continue; // the real reply follows
                    }

                    if (isHead || status is 204 or 304 || status < 200)
                    {
                        return Done();
                    }

                    (part, remaining) = chunked ? (Part.ChunkSize, 0L) : contentLength >= 0 ? (Part.Body, contentLength) : (Part.UntilClose, 0L);
                    KeepAlive &= part != Part.UntilClose;
                    if (part == Part.Body && remaining == 0)
                    {
                        return Done();
                    }

                    continue;
                case Part.Body:
                case Part.ChunkData:
                    var take = (int)Math.Min(remaining, span.Length);
                    start += take;
                    remaining -= take;
                    if (remaining > 0)
                    {
                        return false;
                    }

                    if (part == Part.Body)
                    {
                        return Done();
                    }

                    part = Part.ChunkSize;
                    continue;
                case Part.ChunkSize:
                    var eol = span.IndexOf("\r\n"u8);
                    if (eol < 0)
                    {
                        return false;
                    }

                    var line = span[..eol];
                    var semicolon = line.IndexOf((byte)';');
                    var sizeText = (semicolon < 0 ? line : line[..semicolon]).Trim((byte)' ');
                    if (!Utf8Parser.TryParse(sizeText, out long size, out var used, 'X') || used != sizeText.Length)
                    {
                        throw new InvalidDataException("bad chunk size");
                    }

                    start += eol + 2;
                    (part, remaining) = size == 0 ? (Part.Trailers, 0L) : (Part.ChunkData, size + 2);
                    continue;
                case Part.Trailers:
                    var trailerEnd = span.IndexOf("\r\n"u8);
                    if (trailerEnd < 0)
                    {
                        return false;
                    }

                    start += trailerEnd + 2;
                    if (trailerEnd == 0)
                    {
                        return Done(); // the empty line after the trailers
                    }

                    continue;
                default: // until the server closes: nothing ends it but the close
                    start = end;
                    return false;
            }
        }
    }

    /// <summary>The server closed the connection: whether that completes the reply (a body that runs until the close).</summary>
    public bool EndOfStream()
    {
        var complete = part == Part.UntilClose;
        part = Part.Head;
        return complete;
    }

    private bool Done()
    {
        part = Part.Head;
        return true;
    }
}
