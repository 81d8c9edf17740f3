using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// A small real HTTP/1.1 keep-alive server on 127.0.0.1 for load tests. Paths: "/" (200 "ok"),
/// "/chunked" (chunked body), "/status/NNN", "/sleep/MS", "/hang" (never replies), "/close" (Connection: close).
/// <see cref="Stall"/> freezes every reply for a while (a GC-pause-like stall); <see cref="Die"/> kills it mid-run.
/// </summary>
public sealed class TinyHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<Socket, bool> clients = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private long stalledUntil;
    private long requests;
    private readonly ConcurrentQueue<DateTime> arrivals = new();

    public TinyHttpServer()
    {
        listener.Start(512);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>How many requests arrived before <paramref name="moment"/> (UTC).</summary>
    public int ArrivedBefore(DateTime moment) => arrivals.Count(a => a < moment);

    /// <summary>The last request as received, head and body, for checking what the client sent.</summary>
    public string LastRequest { get; private set; } = "";

    public string Url(string path = "/") => $"http://127.0.0.1:{Port}{path}";

    /// <summary>From now on, hold every reply until <paramref name="length"/> has passed.</summary>
    public void Stall(TimeSpan length) => Interlocked.Exchange(ref stalledUntil, DateTime.UtcNow.Add(length).Ticks);

    /// <summary>Stops listening and resets every open connection, like a crashed process.</summary>
    public void Die()
    {
        stop.Cancel();
        listener.Stop();
        foreach (var client in clients.Keys)
        {
            try
            {
                // Linger 0 makes Dispose send a reset, as when a process dies.
                client.LingerState = new LingerOption(true, 0);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                // The connection was closing anyway.
            }

            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            Die();
        }

        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            client.NoDelay = true;
            clients[client] = true;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        var buffer = new byte[8192];
        var filled = 0;
        try
        {
            while (true)
            {
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    var n = await client.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    filled += n;
                }

                var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                var bodyLength = 0;
                foreach (var line in head.Split("\r\n"))
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        bodyLength = int.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                var consumed = headEnd + 4 + bodyLength;
                while (filled < consumed)
                {
                    var n = await client.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    filled += n;
                }

                LastRequest = Encoding.UTF8.GetString(buffer, 0, consumed);
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                var path = head.Split(' ')[1];
                Interlocked.Increment(ref requests);
                arrivals.Enqueue(DateTime.UtcNow);

                var wait = new DateTime(Interlocked.Read(ref stalledUntil), DateTimeKind.Utc) - DateTime.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop.Token);
                }

                if (path.StartsWith("/sleep/", StringComparison.Ordinal))
                {
                    await Task.Delay(int.Parse(path[7..], System.Globalization.CultureInfo.InvariantCulture), stop.Token);
                }

                if (path == "/hang")
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }

                var reply = Reply(path);
                await client.SendAsync(reply, SocketFlags.None, stop.Token);
                if (path == "/close")
                {
                    client.Shutdown(SocketShutdown.Both);
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            clients.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private static byte[] Reply(string path)
    {
        if (path == "/chunked")
        {
            return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"u8.ToArray();
        }

        if (path.StartsWith("/status/", StringComparison.Ordinal))
        {
            return Encoding.ASCII.GetBytes($"HTTP/1.1 {path[8..]} Whatever\r\nContent-Length: 5\r\n\r\nerror");
        }

        return path == "/close"
            ? "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8.ToArray()
            : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"u8.ToArray();
    }
}
