using System.Text.Json;
using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Kernel.Install;

/// <summary>Writes the Jupyter kernelspec (name "perfnb") that starts this kernel.</summary>
public static class KernelSpec
{
    public const string Name = "perfnb";
    public const string DisplayName = "C# (PerfNotebooks)";

    /// <summary>Installs into <c>PREFIX/share/jupyter/kernels/perfnb</c> (or the user's Jupyter data dir); returns the folder.</summary>
    public static string Install(string perfnbDll, string? prefix = null)
    {
        if (!File.Exists(perfnbDll))
        {
            throw new BadInputException($"cannot install the kernel: '{perfnbDll}' does not exist; build the CLI first (./perfnb does).");
        }

        var root = prefix is null ? UserKernelsRoot() : Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
        var folder = Path.Combine(root, Name);
        Directory.CreateDirectory(folder);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(DotnetHost.Path, Path.GetFullPath(perfnbDll), "kernel", "start", "--connection-file", "{connection_file}"),
            ["display_name"] = DisplayName,
            ["language"] = "C#",
            // Interrupts arrive as interrupt_request on control, so they work even when SIGINT is ignored
            // (a kernel started under nohup or by a service inherits SIG_IGN); SIGINT still works too.
            ["interrupt_mode"] = "message",
            ["env"] = new JsonObject { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        var path = Path.Combine(folder, "kernel.json");
        SafeFile.WriteText(path, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        PerfNotebooks.Display.PlotlyLibrary.InstallInto(folder); // notebooks load plotly.js from here, not from every notebook
        return folder;
    }

    private static string UserKernelsRoot() => Path.Combine(JupyterDataDir(), "kernels");

    /// <summary>The user's Jupyter data dir, as jupyter_core finds it: $JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter.</summary>
    public static string JupyterDataDir()
    {
        var data = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(data))
        {
            return data;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : xdg, "jupyter");
    }
}
