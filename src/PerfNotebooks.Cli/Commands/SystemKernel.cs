using PerfNotebooks.Kernel.Install;

namespace PerfNotebooks.Cli.Commands;

/// <summary><c>perfnb kernel install --system|--prefix P</c>: the kernel for every user of a host.</summary>
internal static class SystemKernel
{
    public static int Install(string prefix, TextWriter output)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new BadInputException("--system and --prefix install for a Linux host (a JupyterHub node); on Windows use --user.");
        }

        // The checkout's datasets/ go along when there is one; an installed CLI re-installing itself has none.
        var datasets = RepoCheckout.Root is { } root && Directory.Exists(Path.Combine(root, "datasets")) ? Path.Combine(root, "datasets") : null;
        var result = SystemInstall.Install(typeof(PerfnbApp).Assembly.Location, Servers.ServerBinary.Locate(), prefix, datasets);
        output.WriteLine($"Installed kernelspec '{KernelSpec.Name}' in {result.KernelFolder}");
        output.WriteLine(result.ProgramCopied ? $"Copied the CLI to {result.ProgramFolder}" : $"The CLI in {result.ProgramFolder} is up to date");
        output.WriteLine($"Workbook data in {result.DataFolder}");
        return PerfnbApp.Ok;
    }
}
