using System.Diagnostics;

namespace PerfNotebooks.Servers;

/// <summary>How to start each runtime's sample server process, building or installing it first when needed.</summary>
internal static class ServerCommandLine
{
    /// <summary>A start info whose program and leading arguments run the server; the caller adds the scenario's arguments.</summary>
    public static async Task<ProcessStartInfo> For(string runtime, CancellationToken ct)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        switch (runtime)
        {
            case SampleRuntimes.Go:
                start.FileName = await GoServerBuild.Ensure(ct);
                break;
            case SampleRuntimes.Node:
                var (script, modules) = await NodeServerInstall.Ensure(ct);
                start.FileName = "node";
                // --expose-gc lets /debug/stats?collect=1 measure the retained heap (the memory-leak scenario).
                start.ArgumentList.Add("--expose-gc");
                start.ArgumentList.Add(script);
                start.Environment["NODE_PATH"] = modules;
                break;
            default:
                start.FileName = ServerBinary.DotnetHost();
                start.ArgumentList.Add(ServerBinary.Locate());
                break;
        }

        return start;
    }
}
