using System.Reflection;
using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>What kernel_info_reply says about this kernel and its language.</summary>
internal static class KernelInfo
{
    public static string Version { get; } =
        typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static JsonObject Content() => new()
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
}
