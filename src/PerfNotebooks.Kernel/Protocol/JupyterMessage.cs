using System.Text.Json.Nodes;

namespace PerfNotebooks.Kernel.Protocol;

/// <summary>One Jupyter message: routing identities, the four JSON parts, and binary buffers.</summary>
public sealed class JupyterMessage
{
    public const string ProtocolVersion = "5.3";

    public IReadOnlyList<byte[]> Identities { get; init; } = [];
    public required JsonObject Header { get; init; }
    public JsonObject ParentHeader { get; init; } = [];
    public JsonObject Metadata { get; init; } = [];
    public JsonObject Content { get; init; } = [];
    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    public string MessageType => StringField(Header, "msg_type");

    public string Session => StringField(Header, "session");

    private static string StringField(JsonObject part, string name) =>
        part[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    public static JsonObject NewHeader(string messageType, string session) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = "perfnb",
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };

    /// <summary>A message sent in reply to (or on behalf of) <paramref name="parent"/>.</summary>
    public static JupyterMessage ReplyTo(JupyterMessage parent, string messageType, string session, JsonObject content, IReadOnlyList<byte[]>? identities = null) => new()
    {
        Identities = identities ?? parent.Identities,
        Header = NewHeader(messageType, session),
        ParentHeader = (JsonObject)parent.Header.DeepClone(),
        Content = content,
    };
}
