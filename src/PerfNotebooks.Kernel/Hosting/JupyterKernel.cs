using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using PerfNotebooks.Kernel.Execution;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>
/// A Jupyter kernel for C#: the messaging protocol 5.3 over ZeroMQ (shell, control, iopub, stdin, heartbeat),
/// with cells run by a <see cref="CSharpSession"/>. Each channel has its own thread so an interrupt on
/// control is heard while shell is busy running a cell.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly WireFormat _wire;
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly IOPubChannel _iopub;
    private readonly CSharpSession _cells;
    private readonly CodeAssistant _assistant;
    private readonly TaskCompletionSource<bool> _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopping;

    public JupyterKernel(ConnectionInfo connection, TextWriter log)
    {
        _connection = connection;
        _log = log;
        _wire = new WireFormat(new MessageSigner(connection.Key));
        var publisher = new PublisherSocket();
        publisher.Bind(connection.Address(connection.IOPubPort));
        _iopub = new IOPubChannel(publisher, _wire, _session);
        _shell.Bind(connection.Address(connection.ShellPort));
        _control.Bind(connection.Address(connection.ControlPort));
        _stdin.Bind(connection.Address(connection.StdinPort));
        _heartbeat.Bind(connection.Address(connection.HeartbeatPort));
        _cells = new CSharpSession();
        _assistant = new CodeAssistant(_cells);
    }

    public static string Version { get; } =
        typeof(JupyterKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Serves until a shutdown request; returns true when the client asked for a restart.</summary>
    public async Task<bool> RunAsync()
    {
        _ = _cells.WarmUpAsync();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            // Jupyter's default interrupt mode sends SIGINT: interrupt the cell, keep the kernel.
            context.Cancel = true;
            _cells.Interrupt();
        });
        _iopub.Status(null, "starting");
        var threads = new[]
        {
            StartLoop("shell", _shell, HandleShell),
            StartLoop("control", _control, HandleControl),
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

    private Thread StartLoop(string name, RouterSocket socket, Action<JupyterMessage> handle)
    {
        var thread = new Thread(() =>
        {
            while (!_stopping)
            {
                NetMQMessage? frames = null;
                if (!socket.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(200), ref frames) || frames is null)
                {
                    continue;
                }

                var message = _wire.Decode(frames, out var rejection);
                if (message is null)
                {
                    _log.WriteLine($"perfnb kernel: dropped a message on {name}: {rejection}.");
                    continue;
                }

                _iopub.Status(message, "busy");
                try
                {
                    handle(message);
                }
                finally
                {
                    _iopub.Status(message, "idle");
                }
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return thread;
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
                Reply(_shell, message, "kernel_info_reply", KernelInfo());
                break;
            case "execute_request":
                Execute(message);
                break;
            case "is_complete_request":
                var status = CodeAssistant.IsComplete((string?)message.Content["code"] ?? "");
                var reply = new JsonObject { ["status"] = status };
                if (status == "incomplete")
                {
                    reply["indent"] = "    ";
                }

                Reply(_shell, message, "is_complete_reply", reply);
                break;
            case "complete_request":
                Complete(message);
                break;
            case "inspect_request":
                Inspect(message);
                break;
            case "comm_info_request":
                Reply(_shell, message, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "history_request":
                Reply(_shell, message, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "comm_open" or "comm_msg" or "comm_close":
                break; // no comm targets: ignored, as the protocol allows
            case "shutdown_request":
                Shutdown(_shell, message);
                break;
            default:
                _log.WriteLine($"perfnb kernel: unsupported shell message '{message.MessageType}'.");
                break;
        }
    }

    private void HandleControl(JupyterMessage message)
    {
        switch (message.MessageType)
        {
            case "interrupt_request":
                _cells.Interrupt();
                Reply(_control, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                Shutdown(_control, message);
                break;
            case "kernel_info_request":
                Reply(_control, message, "kernel_info_reply", KernelInfo());
                break;
            default:
                _log.WriteLine($"perfnb kernel: unsupported control message '{message.MessageType}'.");
                break;
        }
    }

    private void Execute(JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        var silent = (bool?)request.Content["silent"] ?? false;
        var storeHistory = !silent && ((bool?)request.Content["store_history"] ?? true);
        _iopub.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = _cells.ExecutionCount + (storeHistory ? 1 : 0) });
        var output = new KernelCellOutput(_iopub, request, (prompt, password) => AskStdin(request, prompt, password));
        var result = _cells.ExecuteAsync(code, output, storeHistory).GetAwaiter().GetResult();
        if (result.Value is { } value && !silent)
        {
            _iopub.Publish(request, "execute_result", new JsonObject
            {
                ["execution_count"] = result.ExecutionCount,
                ["data"] = value.Data.DeepClone(),
                ["metadata"] = value.Metadata.DeepClone(),
            });
        }

        if (result.Status == CellStatus.Ok)
        {
            Reply(_shell, request, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = result.ExecutionCount,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            });
            return;
        }

        var error = result.Error!;
        var errorContent = new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Value,
            ["traceback"] = new JsonArray([.. error.Traceback.Select(t => (JsonNode?)JsonValue.Create(t))]),
        };
        _iopub.Publish(request, "error", (JsonObject)errorContent.DeepClone());
        errorContent["status"] = "error";
        errorContent["execution_count"] = result.ExecutionCount;

        Reply(_shell, request, "execute_reply", errorContent);
    }

    /// <summary>Sends input_request to the client that sent the execute_request and waits for its input_reply.</summary>
    private string? AskStdin(JupyterMessage request, string prompt, bool password)
    {
        lock (_stdin)
        {
            var ask = JupyterMessage.ReplyTo(request, "input_request", _session, new JsonObject { ["prompt"] = prompt, ["password"] = password });
            _stdin.SendMultipartMessage(_wire.Encode(ask));
            while (!_stopping)
            {
                NetMQMessage? frames = null;
                if (!_stdin.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(200), ref frames) || frames is null)
                {
                    Interruption.Check(); // an interrupt ends the wait like any other
                    continue;
                }

                if (_wire.Decode(frames, out var rejection) is { MessageType: "input_reply" } reply)
                {
                    return (string?)reply.Content["value"] ?? "";
                }

                _log.WriteLine($"perfnb kernel: ignored a message on stdin: {rejection ?? "not an input_reply"}.");
            }

            return null;
        }
    }

    private void Complete(JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        var cursor = CursorToIndex(code, (int?)request.Content["cursor_pos"] ?? code.Length);
        var completions = _assistant.CompleteAsync(code, cursor).GetAwaiter().GetResult();
        Reply(_shell, request, "complete_reply", new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. completions.Matches.Select(m => (JsonNode?)JsonValue.Create(m))]),
            ["cursor_start"] = IndexToCursor(code, completions.CursorStart),
            ["cursor_end"] = IndexToCursor(code, completions.CursorEnd),
            ["metadata"] = new JsonObject(),
        });
    }

    private void Inspect(JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        var cursor = CursorToIndex(code, (int?)request.Content["cursor_pos"] ?? code.Length);
        var inspection = _assistant.InspectAsync(code, cursor).GetAwaiter().GetResult();
        var data = new JsonObject();
        if (inspection is not null)
        {
            data["text/plain"] = inspection.Documentation is null ? inspection.Signature : inspection.Signature + "\n\n" + inspection.Documentation;
        }

        Reply(_shell, request, "inspect_reply", new JsonObject
        {
            ["status"] = "ok",
            ["found"] = inspection is not null,
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        });
    }

    private void Shutdown(RouterSocket socket, JupyterMessage request)
    {
        var restart = (bool?)request.Content["restart"] ?? false;
        _cells.Interrupt();
        Reply(socket, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        _shutdown.TrySetResult(restart);
    }

    private void Reply(RouterSocket socket, JupyterMessage request, string messageType, JsonObject content)
    {
        var frames = _wire.Encode(JupyterMessage.ReplyTo(request, messageType, _session, content));
        lock (socket)
        {
            socket.SendMultipartMessage(frames);
        }
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "perfnb",
        ["implementation_version"] = Version,
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# (PerfNotebooks) {Version} on .NET {Environment.Version}, Roslyn scripting",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    // Jupyter counts cursor positions in Unicode code points; .NET strings index UTF-16 units.
    private static int CursorToIndex(string code, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < code.Length; seen++)
        {
            index += char.IsSurrogatePair(code, index) ? 2 : 1;
        }

        return index;
    }

    private static int IndexToCursor(string code, int index)
    {
        var points = 0;
        for (var i = 0; i < index && i < code.Length; i++)
        {
            if (!char.IsLowSurrogate(code[i]))
            {
                points++;
            }
        }

        return points;
    }

    public void Dispose()
    {
        _stopping = true;
        _shell.Dispose();
        _control.Dispose();
        _stdin.Dispose();
        _heartbeat.Dispose();
        _iopub.Dispose();
        NetMQConfig.Cleanup(block: false);
    }
}
