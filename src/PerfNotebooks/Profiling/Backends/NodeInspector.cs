using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using PerfNotebooks.Profiling.Formats;

namespace PerfNotebooks.Profiling.Backends;

/// <summary>
/// Profiles a running Node process through its inspector: SIGUSR1 makes Node open the inspector (on 127.0.0.1:9229,
/// or the port given by --inspect-port), the process's own listening ports tell which port is its inspector
/// (another Node may hold 9229), /json/list gives the websocket, and the DevTools protocol's Profiler domain
/// (enable, setSamplingInterval, start, stop) returns a V8 CPU profile. The inspector stays open afterwards, as
/// after 'kill -USR1'; it listens on loopback only.
/// </summary>
internal static class NodeInspector
{
    private const int SigUsr1 = 10;

    /// <summary>Microseconds between V8 samples: V8's default (1 ms).</summary>
    public const int SamplingIntervalMicroseconds = 1000;

    public static async Task<StackRecording> Record(int pid, TimeSpan duration, CancellationToken ct)
    {
        var socketUrl = await Open(pid, ct);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(socketUrl, ct);
        var protocol = new DevTools(socket);
        await protocol.Call("Profiler.enable", null, ct);
        await protocol.Call("Profiler.setSamplingInterval", new { interval = SamplingIntervalMicroseconds }, ct);
        await protocol.Call("Profiler.start", null, ct);
        var exited = false;
        try
        {
            await WaitWhileRunning(pid, duration, ct);
        }
        catch (ProcessGoneException)
        {
            exited = true;
        }

        if (exited)
        {
            throw new InvalidOperationException($"node process {pid} exited during the session; V8 keeps its profile in the process, so nothing was recorded.");
        }

        using var stopped = await protocol.Call("Profiler.stop", null, ct);
        await protocol.Call("Profiler.disable", null, ct);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
        return CpuProfileFormat.Read(stopped.RootElement.GetProperty("result").GetProperty("profile"), $"V8 profile of process {pid}") with { PeriodNanos = SamplingIntervalMicroseconds * 1000L };
    }

    /// <summary>The inspector's websocket URL, opening the inspector with SIGUSR1 when it is not open yet.</summary>
    private static async Task<Uri> Open(int pid, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        if (await Find(pid, http, ct) is { } open)
        {
            return open;
        }

        if (Kill(pid, SigUsr1) != 0)
        {
            throw new BadInputException($"cannot signal node process {pid} to open its inspector (another user's process?); profile a process you own.");
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
            RuntimeDetection.RequireRunning(pid);
            if (await Find(pid, http, ct) is { } url)
            {
                return url;
            }
        }

        var taken = PortTaken(9229) ? " (127.0.0.1:9229, the default inspector port, is held by another process)" : string.Empty;
        throw new BadInputException($"node process {pid} did not open its inspector within 10 s{taken}; start it with --inspect-port=127.0.0.1:0 (or without --disable-sigusr1), or profile it with --backend perf.");
    }

    private static async Task<Uri?> Find(int pid, HttpClient http, CancellationToken ct)
    {
        foreach (var port in ListeningPorts.Of(pid))
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/json/list"), ct);
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                foreach (var target in list.RootElement.EnumerateArray())
                {
                    if (target.TryGetProperty("webSocketDebuggerUrl", out var ws) && ws.GetString() is { } url)
                    {
                        return new Uri(url);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
            {
                // Not the inspector (the app's own HTTP port, or something that is not HTTP).
            }
        }

        return null;
    }

    private static bool PortTaken(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpClient();
            probe.Connect(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static async Task WaitWhileRunning(int pid, TimeSpan duration, CancellationToken ct)
    {
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200, Math.Max(1, (end - DateTime.UtcNow).TotalMilliseconds))), ct);
            if (!Directory.Exists($"/proc/{pid}"))
            {
                throw new ProcessGoneException();
            }
        }
    }

    // kill(2); blittable, so DllImport needs no unsafe code (LibraryImport would).
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private sealed class ProcessGoneException : Exception;

    /// <summary>Request/response over the DevTools protocol: numbered calls, events (no id) skipped.</summary>
    private sealed class DevTools(ClientWebSocket socket)
    {
        private int nextId;

        public async Task<JsonDocument> Call(string method, object? parameters, CancellationToken ct)
        {
            var id = ++nextId;
            var request = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?> { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new { } });
            await socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, ct);
            while (true)
            {
                var message = await Receive(ct);
                var doc = JsonDocument.Parse(message);
                if (doc.RootElement.TryGetProperty("id", out var got) && got.GetInt32() == id)
                {
                    if (doc.RootElement.TryGetProperty("error", out var error))
                    {
                        using (doc)
                        {
                            throw new InvalidOperationException($"the inspector refused {method}: {error.GetRawText()}");
                        }
                    }

                    return doc;
                }

                doc.Dispose();
            }
        }

        private async Task<byte[]> Receive(CancellationToken ct)
        {
            using var message = new MemoryStream();
            var buffer = new byte[1 << 16];
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException("the node inspector closed the connection mid-session.");
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return message.ToArray();
                }
            }
        }
    }
}
