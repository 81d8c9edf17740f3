using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using PerfNotebooks.Kernel.Execution;
using PerfNotebooks.Kernel.History;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>
/// A Jupyter kernel for C#: the messaging protocol 5.3 over ZeroMQ (shell, control, iopub, stdin, heartbeat),
/// with cells run by a <see cref="CSharpSession"/>. Each channel has its own thread so an interrupt on
/// control is heard while shell is busy running a cell. This type owns the sockets and routes messages;
/// each kind of request has its own handler type.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly WireFormat _wire;
    private readonly KernelSocket _shell;
    private readonly KernelSocket _control;
    private readonly KernelSocket _stdin;
    private readonly ResponseSocket _heartbeat = new();
    private readonly IOPubChannel _iopub;
    private readonly CSharpSession _cells;
    private readonly CellExecution _execution;
    private readonly CodeRequests _code;
    private readonly Lazy<HistoryStore?> _history; // opened on first use: SQLite stays off the start-up path
    private readonly ResourceUsage _usage = new();
    private readonly TaskCompletionSource<bool> _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    public JupyterKernel(ConnectionInfo connection, TextWriter log)
    {
        _log = log;
        _wire = new WireFormat(new MessageSigner(connection.Key));
        var publisher = new PublisherSocket();
        publisher.Bind(connection.Address(connection.IOPubPort));
        _iopub = new IOPubChannel(publisher, _wire, _session);
        _shell = new KernelSocket("shell", _wire, _session);
        _control = new KernelSocket("control", _wire, _session);
        _stdin = new KernelSocket("stdin", _wire, _session);
        _shell.Socket.Bind(connection.Address(connection.ShellPort));
        _control.Socket.Bind(connection.Address(connection.ControlPort));
        _stdin.Socket.Bind(connection.Address(connection.StdinPort));
        _heartbeat.Bind(connection.Address(connection.HeartbeatPort));
        _cells = new CSharpSession();
        _history = new Lazy<HistoryStore?>(() => OpenHistory(log));
        _execution = new CellExecution(_cells, _iopub, _shell, new StdinChannel(_stdin, _wire, _session, log, () => _stopping), _history, log);
        _code = new CodeRequests(new CodeAssistant(_cells));
    }

    public static string Version => KernelInfo.Version;

    /// <summary>Serves until a shutdown request; returns true when the client asked for a restart.</summary>
    public async Task<bool> RunAsync()
    {
        _ = _cells.WarmUpAsync();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            // A front end in signal mode (or a user's kill -INT) interrupts the cell; the kernel stays.
            context.Cancel = true;
            _cells.Interrupt();
        });
        _iopub.Status(null, "starting");
        var threads = new[]
        {
            StartLoop(_shell, HandleShell),
            StartLoop(_control, HandleControl),
            new Thread(HeartbeatLoop) { IsBackground = true, Name = "heartbeat" },
        };
        threads[2].Start();
        _iopub.Status(null, "idle");
        var restart = await _shutdown.Task;
        _stopping = true;
        foreach (var thread in threads)
        {
            // Loops poll every 200 ms; a cell stuck in foreign code must not keep the process alive.
            thread.Join(TimeSpan.FromSeconds(2));
        }

        return restart;
    }

    private Thread StartLoop(KernelSocket channel, Action<JupyterMessage> handle)
    {
        var thread = new Thread(() =>
        {
            while (!_stopping)
            {
                NetMQMessage? frames = null;
                if (!channel.Socket.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(200), ref frames) || frames is null)
                {
                    continue;
                }

                try
                {
                    Serve(channel, frames, handle);
                }
                catch (Exception e)
                {
                    // Last line of defence: the channel's thread must outlive any message.
                    _log.WriteLine($"perfnb kernel: failed to handle a message on {channel.Name}: {e.GetType().Name}: {e.Message}");
                }
            }
        })
        {
            IsBackground = true,
            Name = channel.Name,
        };
        thread.Start();
        return thread;
    }

    private void Serve(KernelSocket channel, NetMQMessage frames, Action<JupyterMessage> handle)
    {
        var message = _wire.Decode(frames, out var rejection);
        if (message is null)
        {
            _log.WriteLine($"perfnb kernel: refused a message on {channel.Name}: {rejection?.TrimEnd('.')}.");
            return;
        }

        _iopub.Status(message, "busy");
        try
        {
            handle(message);
        }
        catch (Exception e)
        {
            // A request the kernel could not handle still gets its reply, saying why.
            var why = e is BadMessageException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            _log.WriteLine($"perfnb kernel: {message.MessageType} on {channel.Name} failed: {why}");
            if (message.MessageType.EndsWith("_request", StringComparison.Ordinal))
            {
                var reply = new JsonObject
                {
                    ["status"] = "error",
                    ["ename"] = e is BadMessageException ? "BadMessage" : e.GetType().Name,
                    ["evalue"] = why,
                    ["traceback"] = new JsonArray(JsonValue.Create(why)),
                };
                if (message.MessageType == "execute_request")
                {
                    reply["execution_count"] = _cells.ExecutionCount;
                }

                channel.Reply(message, message.MessageType[..^"_request".Length] + "_reply", reply);
            }
        }
        finally
        {
            _iopub.Status(message, "idle");
        }
    }

    private void HeartbeatLoop()
    {
        while (!_stopping)
        {
            NetMQMessage? ping = null;
            if (_heartbeat.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(200), ref ping) && ping is not null)
            {
                _heartbeat.SendMultipartMessage(ping);
            }
        }
    }

    private void HandleShell(JupyterMessage message)
    {
        switch (message.MessageType)
        {
            case "kernel_info_request":
                _shell.Reply(message, "kernel_info_reply", KernelInfo.Content());
                break;
            case "execute_request":
                _execution.Execute(message);
                break;
            case "is_complete_request":
                _shell.Reply(message, "is_complete_reply", _code.IsComplete(message));
                break;
            case "complete_request":
                _shell.Reply(message, "complete_reply", _code.Complete(message));
                break;
            case "inspect_request":
                _shell.Reply(message, "inspect_reply", _code.Inspect(message));
                break;
            case "usage_request":
                _shell.Reply(message, "usage_reply", _usage.Content());
                break;
            case "comm_info_request":
                _shell.Reply(message, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "history_request":
                var history = _history.Value ?? throw new InvalidOperationException($"history is unavailable: {HistoryStore.DefaultPath} could not be opened (see the kernel's log).");
                _shell.Reply(message, "history_reply", new HistoryRequests(history).Answer(message));
                break;
            case "comm_open" or "comm_msg" or "comm_close":
                break; // no comm targets: ignored, as the protocol allows
            case "shutdown_request":
                Shutdown(_shell, message);
                break;
            default:
                _log.WriteLine($"perfnb kernel: refused a message on shell: unknown type '{message.MessageType}'.");
                break;
        }
    }

    private void HandleControl(JupyterMessage message)
    {
        switch (message.MessageType)
        {
            case "interrupt_request":
                _cells.Interrupt();
                _control.Reply(message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(_control, message);
                break;
            case "kernel_info_request":
                _control.Reply(message, "kernel_info_reply", KernelInfo.Content());
                break;
            case "usage_request":
                _control.Reply(message, "usage_reply", _usage.Content());
                break;
            default:
                _log.WriteLine($"perfnb kernel: refused a message on control: unknown type '{message.MessageType}'.");
                break;
        }
    }

    private void Shutdown(KernelSocket channel, JupyterMessage request)
    {
        var restart = request.Flag("restart", false);
        _cells.Interrupt();
        channel.Reply(request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        _shutdown.TrySetResult(restart);
    }

    private static HistoryStore? OpenHistory(TextWriter log)
    {
        var path = HistoryStore.DefaultPath;
        try
        {
            return HistoryStore.Open(path);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            // Cells still run; history_request says why it cannot answer.
            log.WriteLine($"perfnb kernel: history is off: cannot open {path} ({e.Message}); set JUPYTER_DATA_DIR to a writable folder.");
            return null;
        }
    }

    public void Dispose()
    {
        _stopping = true;
        if (_history.IsValueCreated)
        {
            _history.Value?.Dispose();
        }

        _shell.Dispose();
        _control.Dispose();
        _stdin.Dispose();
        _heartbeat.Dispose();
        _iopub.Dispose();
        NetMQConfig.Cleanup(block: false);
    }
}
