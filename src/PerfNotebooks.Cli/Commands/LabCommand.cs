using System.CommandLine;
using System.Diagnostics;
using PerfNotebooks.Kernel.Install;

namespace PerfNotebooks.Cli.Commands;

/// <summary><c>perfnb lab</c>: Jupyter on 127.0.0.1 with our kernel and the notebooks folder.</summary>
internal static class LabCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port for Jupyter on 127.0.0.1.", DefaultValueFactory = _ => 8888 };
        var folder = new Option<DirectoryInfo?>("--notebooks") { Description = "Folder to open (default: the repository's notebooks/)." };
        var command = new Command("lab", "Start Jupyter (Lab if installed, else Notebook) on 127.0.0.1 with the C# kernel installed.") { port, folder };
        command.SetAction(async (parse, cancellation) =>
        {
            var notebooks = parse.GetValue(folder)?.FullName ?? DefaultNotebooks();
            if (!Directory.Exists(notebooks))
            {
                throw new BadInputException($"notebook folder '{notebooks}' does not exist; pass --notebooks DIR.");
            }

            KernelSpec.Install(typeof(PerfnbApp).Assembly.Location);
            var app = FindJupyterApp() ?? throw new WorkFailedException("no Jupyter front end found; install one with 'sudo apt-get install jupyter-notebook' (or pip install jupyterlab) and run perfnb lab again.");
            var start = new ProcessStartInfo("jupyter") { UseShellExecute = false };
            foreach (var arg in new[] { app, "--ip=127.0.0.1", $"--port={parse.GetValue(port)}", "--no-browser", $"--notebook-dir={notebooks}" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new WorkFailedException("could not start jupyter.");
            try
            {
                await process.WaitForExitAsync(cancellation);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }

            return process.HasExited && process.ExitCode != 0 ? PerfnbApp.WorkFailed : PerfnbApp.Ok;
        });
        return command;
    }

    private static string DefaultNotebooks() =>
        RepoCheckout.PathTo("notebooks");

    private static string? FindJupyterApp()
    {
        foreach (var app in new[] { "lab", "notebook" })
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo("jupyter", $"{app} --version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
                if (probe is not null && probe.WaitForExit(20_000) && probe.ExitCode == 0)
                {
                    return app;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null; // no jupyter on PATH at all
            }
        }

        return null;
    }
}
