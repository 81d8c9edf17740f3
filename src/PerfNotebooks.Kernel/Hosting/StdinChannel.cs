using System.Text.Json.Nodes;
using NetMQ;
using PerfNotebooks.Kernel.Execution;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>Asks the front end for a line of input (input_request on stdin) on behalf of a running cell.</summary>
internal sealed class StdinChannel(KernelSocket stdin, WireFormat wire, string session, TextWriter log, Func<bool> stopping)
{
    /// <summary>Sends input_request to the client that sent the execute_request and waits for its input_reply.</summary>
    public string? Ask(JupyterMessage request, string prompt, bool password)
    {
        lock (stdin)
        {
            stdin.Send(JupyterMessage.ReplyTo(request, "input_request", session, new JsonObject { ["prompt"] = prompt, ["password"] = password }));
            while (!stopping())
            {
                NetMQMessage? frames = null;
                if (!stdin.Socket.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(200), ref frames) || frames is null)
                {
                    Interruption.Check(); // an interrupt ends the wait like any other
                    continue;
                }

                if (wire.Decode(frames, out var rejection) is { MessageType: "input_reply" } reply)
                {
                    return reply.Text("value");
                }

                log.WriteLine($"perfnb kernel: ignored a message on stdin: {rejection ?? "not an input_reply"}.");
            }

            return null;
        }
    }
}
