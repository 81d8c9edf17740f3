using System.CommandLine;
using PerfNotebooks.Kernel.Hosting;
using PerfNotebooks.Kernel.Install;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Cli.Commands;

/// <summary><c>perfnb kernel start|install</c>: the C# Jupyter kernel.</summary>
internal static class KernelCommand
{
    /// <summary>`kernel start` treats SIGINT as "interrupt the cell", not "end the process".</summary>
    public static bool HandlesItsOwnSignals(ParseResult parse) =>
        parse.CommandResult.Command.Name == "start" && parse.CommandResult.Parent is System.CommandLine.Parsing.CommandResult { Command.Name: "kernel" };

    public static Command Create()
    {
        var kernel = new Command("kernel", "The C# Jupyter kernel: install its kernelspec, or start it (Jupyter does that).");

        var connectionFile = new Option<FileInfo>("--connection-file", "-f") { Description = "The connection file Jupyter passes as {connection_file}.", Required = true };
        var start = new Command("start", "Start the kernel on a Jupyter connection file (Jupyter runs this; you rarely do).") { connectionFile };
        start.SetAction(async (parse, _) =>
        {
            var info = ConnectionInfo.Load(parse.GetRequiredValue(connectionFile).FullName);
            using var host = new JupyterKernel(info, parse.InvocationConfiguration.Error);
            await host.RunAsync();
            return PerfnbApp.Ok;
        });

        var user = new Option<bool>("--user") { Description = "Install for the current user (the default)." };
        var prefix = new Option<DirectoryInfo?>("--prefix") { Description = "Install as --system does, under PREFIX (share/jupyter/kernels, lib/perfnb), e.g. /opt/perfnb." };
        var system = new Option<bool>("--system") { Description = $"Install for every user of this host (a JupyterHub): the CLI copied to {SystemInstall.DefaultPrefix}/lib/perfnb, nothing under a home folder. --prefix P does the same under P." };
        var install = new Command("install", "Write the 'perfnb' kernelspec (display name \"C# (PerfNotebooks)\") so Jupyter can start this kernel.") { user, prefix, system };
        install.SetAction(parse =>
        {
            if (new[] { parse.GetValue(user), parse.GetValue(prefix) is not null, parse.GetValue(system) }.Count(chosen => chosen) > 1)
            {
                throw new BadInputException("--user, --prefix and --system choose different places; give one of them.");
            }

            if (parse.GetValue(system) || parse.GetValue(prefix) is not null)
            {
                return SystemKernel.Install(parse.GetValue(prefix)?.FullName ?? SystemInstall.DefaultPrefix, parse.InvocationConfiguration.Output);
            }

            var folder = KernelSpec.Install(typeof(PerfnbApp).Assembly.Location);
            parse.InvocationConfiguration.Output.WriteLine($"Installed kernelspec '{KernelSpec.Name}' in {folder}");
            return PerfnbApp.Ok;
        });

        kernel.Add(start);
        kernel.Add(install);
        return kernel;
    }
}
