using System.Text.Json;
using System.Text.Json.Nodes;

namespace PerfNotebooks.Kernel.Protocol;

/// <summary>Typed reads of a message's content: a field of the wrong type is a <see cref="BadMessageException"/> naming it.</summary>
public static class MessageContent
{
    public static string Text(this JupyterMessage message, string field, string fallback = "") =>
        Read(message, field, JsonValueKind.String, fallback, v => v.GetValue<string>());

    public static bool Flag(this JupyterMessage message, string field, bool fallback) =>
        message.Content[field] is JsonValue { } value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : message.Content[field] is null ? fallback : throw Wrong(message, field, "true or false");

    public static int Number(this JupyterMessage message, string field, int fallback) =>
        message.Content[field] is JsonValue { } value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var n)
            ? n
            : message.Content[field] is null ? fallback : throw Wrong(message, field, "a whole number");

    private static T Read<T>(JupyterMessage message, string field, JsonValueKind kind, T fallback, Func<JsonValue, T> get) =>
        message.Content[field] switch
        {
            null => fallback,
            JsonValue value when value.GetValueKind() == kind => get(value),
            _ => throw Wrong(message, field, kind == JsonValueKind.String ? "a string" : kind.ToString()),
        };

    private static BadMessageException Wrong(JupyterMessage message, string field, string expected) =>
        new($"{message.MessageType}: content.{field} must be {expected}, got {message.Content[field]?.ToJsonString()}.");
}
