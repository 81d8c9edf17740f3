using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>The kernel's broadcast channel. Several threads publish (shell, control, output timers), so sends are serialised.</summary>
internal sealed class IOPubChannel(PublisherSocket socket, WireFormat wire, string session) : IDisposable
{
    private readonly Lock _gate = new();

    public void Publish(JupyterMessage? parent, string messageType, JsonObject content)
    {
        var message = new JupyterMessage
        {
            Identities = [System.Text.Encoding.UTF8.GetBytes(messageType)],
            Header = JupyterMessage.NewHeader(messageType, session),
            ParentHeader = parent is null ? [] : (JsonObject)parent.Header.DeepClone(),
            Content = content,
        };
        var frames = wire.Encode(message);
        lock (_gate)
        {
            socket.SendMultipartMessage(frames);
        }
    }

    public void Status(JupyterMessage? parent, string state) => Publish(parent, "status", new JsonObject { ["execution_state"] = state });

    public void Dispose() => socket.Dispose();
}
