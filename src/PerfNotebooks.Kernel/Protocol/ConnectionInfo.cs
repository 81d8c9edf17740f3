using System.Text.Json;
using System.Text.Json.Serialization;

namespace PerfNotebooks.Kernel.Protocol;

/// <summary>The connection file Jupyter writes for a kernel: where to bind and how to sign.</summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }
    [JsonPropertyName("iopub_port")] public int IOPubPort { get; init; }
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";

    public string Address(int port) => $"{Transport}://{Ip}:{port}";

    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"connection file '{path}' does not exist; Jupyter passes it as {{connection_file}} in kernel.json.");
        }

        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new BadInputException($"connection file '{path}' is not valid JSON ({e.Message}).", e);
        }

        if (info is null || info.ShellPort <= 0 || info.IOPubPort <= 0 || info.ControlPort <= 0 || info.HeartbeatPort <= 0 || info.StdinPort <= 0)
        {
            throw new BadInputException($"connection file '{path}' lacks one of shell_port, iopub_port, stdin_port, control_port, hb_port.");
        }

        if (info.SignatureScheme != "hmac-sha256" && info.Key.Length > 0)
        {
            throw new BadInputException($"connection file '{path}' asks for signature scheme '{info.SignatureScheme}'; only hmac-sha256 is supported.");
        }

        return info;
    }
}
