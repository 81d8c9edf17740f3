using System.Text;
using System.Text.Json.Nodes;
using NetMQ;

namespace PerfNotebooks.Kernel.Protocol;

/// <summary>Encodes and decodes Jupyter messages as ZeroMQ multipart frames, checking signatures and refusing replays.</summary>
public sealed class WireFormat(MessageSigner signer)
{
    private static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");
    private readonly SeenSignatures _seen = new();

    public NetMQMessage Encode(JupyterMessage message)
    {
        var header = Utf8(message.Header);
        var parent = Utf8(message.ParentHeader);
        var metadata = Utf8(message.Metadata);
        var content = Utf8(message.Content);
        var frames = new NetMQMessage();
        foreach (var id in message.Identities)
        {
            frames.Append(id);
        }

        frames.Append(Delimiter);
        frames.Append(signer.Sign(header, parent, metadata, content));
        frames.Append(header);
        frames.Append(parent);
        frames.Append(metadata);
        frames.Append(content);
        foreach (var buffer in message.Buffers)
        {
            frames.Append(buffer);
        }

        return frames;
    }

    /// <summary>Decodes frames; returns null (with the reason) when the message is malformed or its signature is wrong.</summary>
    public JupyterMessage? Decode(NetMQMessage frames, out string? rejection)
    {
        rejection = null;
        var delimiterAt = -1;
        for (var i = 0; i < frames.FrameCount; i++)
        {
            if (frames[i].Buffer.AsSpan(0, frames[i].MessageSize).SequenceEqual(Delimiter))
            {
                delimiterAt = i;
                break;
            }
        }

        if (delimiterAt < 0 || frames.FrameCount < delimiterAt + 6)
        {
            rejection = "malformed message (no <IDS|MSG> delimiter or too few frames)";
            return null;
        }

        var signature = frames[delimiterAt + 1].ConvertToString(Encoding.ASCII);
        var header = frames[delimiterAt + 2].ToByteArray();
        var parent = frames[delimiterAt + 3].ToByteArray();
        var metadata = frames[delimiterAt + 4].ToByteArray();
        var content = frames[delimiterAt + 5].ToByteArray();
        if (!signer.Verify(signature, header, parent, metadata, content))
        {
            rejection = "invalid HMAC signature";
            return null;
        }

        if (signer.Enabled && !_seen.TryAdd(signature))
        {
            rejection = "replayed message (its signature was seen before)";
            return null;
        }

        try
        {
            var message = new JupyterMessage
            {
                Identities = [.. Enumerable.Range(0, delimiterAt).Select(i => frames[i].ToByteArray())],
                Header = ParseObject(header),
                ParentHeader = ParseObject(parent),
                Metadata = ParseObject(metadata),
                Content = ParseObject(content),
                Buffers = [.. Enumerable.Range(delimiterAt + 6, frames.FrameCount - delimiterAt - 6).Select(i => frames[i].ToByteArray())],
            };
            if (message.Header["msg_id"] is not JsonValue id || id.GetValueKind() != System.Text.Json.JsonValueKind.String
                || message.Header["msg_type"] is not JsonValue type || type.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                rejection = "header lacks a string msg_id or msg_type";
                return null;
            }

            return message;
        }
        catch (System.Text.Json.JsonException e)
        {
            rejection = "message parts are not JSON: " + e.Message;
            return null;
        }
        catch (FormatException e)
        {
            rejection = "a message part is not a JSON object: " + e.Message;
            return null;
        }
    }

    private static JsonObject ParseObject(byte[] json) =>
        json.Length == 0 ? [] : JsonNode.Parse(json) as JsonObject ?? throw new FormatException(Encoding.UTF8.GetString(json, 0, Math.Min(json.Length, 40)));

    private static byte[] Utf8(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
