using System.CommandLine;
using System.Diagnostics;
using PerfNotebooks.Kernel.Install;

namespace PerfNotebooks.Cli.Commands;

/// <summary><c>perfnb lab</c>: Jupyter on 127.0.0.1 with our kernel and the notebooks folder.</summary>
internal static class LabCommand
{
    private const string FrontEndPackage = "jupyter-notebook";

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port for Jupyter on 127.0.0.1.", DefaultValueFactory = _ => 8888 };
        var folder = new Option<DirectoryInfo?>("--notebooks") { Description = "Folder to open (default: the repository's notebooks/)." };
        var command = new Command("lab", "Start Jupyter (Lab if installed, else Notebook) on 127.0.0.1 with the C# kernel installed; installs Debian's jupyter-notebook if there is no front end.") { port, folder };
        command.SetAction(async (parse, cancellation) =>
        {
            var notebooks = parse.GetValue(folder)?.FullName ?? DefaultNotebooks();
            if (!Directory.Exists(notebooks))
            {
                throw new BadInputException($"notebook folder '{notebooks}' does not exist; pass --notebooks DIR.");
            }

            var log = parse.InvocationConfiguration.Error;
            KernelSpec.Install(typeof(PerfnbApp).Assembly.Location);
            var app = FindJupyterApp() ?? await InstallFrontEnd(log, cancellation);
            var start = new ProcessStartInfo("jupyter") { UseShellExecute = false };
            foreach (var arg in new[] { app, "--ip=127.0.0.1", $"--port={parse.GetValue(port)}", "--no-browser", $"--notebook-dir={notebooks}" })
            {
                start.ArgumentList.Add(arg);
            }

            if (Environment.UserName == "root")
            {
                // Containers and many Codespaces images run as root, which Jupyter refuses without its own flag.
                start.ArgumentList.Add("--allow-root");
                await log.WriteLineAsync("perfnb lab: running as root (a container?), so Jupyter gets --allow-root; it listens on 127.0.0.1 only, behind its token.");
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

    /// <summary>Installs Debian's classic Notebook with apt-get, asking first when someone is at the terminal.</summary>
    private static async Task<string> InstallFrontEnd(TextWriter log, CancellationToken cancellation)
    {
        var manual = $"install one with 'sudo apt-get install {FrontEndPackage}' (or pip install jupyterlab) and run perfnb lab again.";
        if (!File.Exists("/usr/bin/apt-get"))
        {
            throw new WorkFailedException("no Jupyter front end found, and this is not a Debian-style system with apt-get; " + manual);
        }

        if (!Console.IsInputRedirected && !Console.IsOutputRedirected)
        {
            await log.WriteAsync($"perfnb lab: no Jupyter front end found. Install Debian's {FrontEndPackage} now (apt-get)? [Y/n] ");
            var answer = Console.ReadLine()?.Trim();
            if (answer is not null && answer.Length > 0 && !answer.StartsWith('y') && !answer.StartsWith('Y'))
            {
                throw new WorkFailedException("no Jupyter front end found; " + manual);
            }
        }
        else
        {
            await log.WriteLineAsync($"perfnb lab: no Jupyter front end found; installing Debian's {FrontEndPackage} with apt-get.");
        }

        // As scripts/prereqs.sh: install, and only if that fails refresh the package lists and try once more.
        if (await AptGet(cancellation, "install", "-y", "-q", "--no-install-recommends", FrontEndPackage) != 0
            && (await AptGet(cancellation, "update", "-q") != 0 || await AptGet(cancellation, "install", "-y", "-q", "--no-install-recommends", FrontEndPackage) != 0))
        {
            throw new WorkFailedException($"apt-get could not install {FrontEndPackage} (its output is above); " + manual);
        }

        return FindJupyterApp() ?? throw new WorkFailedException($"{FrontEndPackage} is installed but 'jupyter notebook' does not start; " + manual);
    }

    private static async Task<int> AptGet(CancellationToken cancellation, params string[] args)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "apt-get" : "sudo") { UseShellExecute = false };
        if (!root)
        {
            start.ArgumentList.Add("apt-get");
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new WorkFailedException($"cannot run '{start.FileName}' to install {FrontEndPackage}; install it as root with 'apt-get install {FrontEndPackage}' and run perfnb lab again.");
        }

        using var process = started ?? throw new WorkFailedException("could not start apt-get.");
        await process.WaitForExitAsync(cancellation);
        return process.ExitCode;
    }

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
