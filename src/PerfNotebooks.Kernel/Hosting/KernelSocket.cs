using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>A router channel (shell, control, stdin) that signs what it sends. Sends are serialised: several threads reply.</summary>
internal sealed class KernelSocket(string name, WireFormat wire, string session) : IDisposable
{
    public string Name { get; } = name;

    public RouterSocket Socket { get; } = new();

    public void Reply(JupyterMessage request, string messageType, JsonObject content) =>
        Send(JupyterMessage.ReplyTo(request, messageType, session, content));

    public void Send(JupyterMessage message)
    {
        var frames = wire.Encode(message);
        lock (Socket)
        {
            Socket.SendMultipartMessage(frames);
        }
    }

    public void Dispose() => Socket.Dispose();
}
