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
            ["version"] = LanguageVersion,
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# (PerfNotebooks) {Version} on .NET {Environment.Version}, Roslyn scripting",
        ["help_links"] = new JsonArray(
            Link("C# language", "https://learn.microsoft.com/dotnet/csharp/"),
            Link(".NET API reference", "https://learn.microsoft.com/dotnet/api/"),
            Link("Jupyter messaging", "https://jupyter-client.readthedocs.io/en/latest/messaging.html")),
        ["debugger"] = false,

        // The optional features the protocol names (debugger, kernel subshells): none; usage_request is answered regardless.
        ["supported_features"] = new JsonArray(),
    };

    /// <summary>The C# version cells compile as (the newest this Roslyn knows, as the session's Preview resolves to).</summary>
    private static string LanguageVersion { get; } =
        Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(
            Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.MapSpecifiedToEffectiveVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest));

    private static JsonObject Link(string text, string url) => new() { ["text"] = text, ["url"] = url };
}
