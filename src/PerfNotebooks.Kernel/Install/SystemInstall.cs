using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Kernel.Install;

/// <summary>Where a system install put things.</summary>
public sealed record SystemInstallResult(string KernelFolder, string ProgramFolder, string DataFolder, bool ProgramCopied);

/// <summary>
/// The kernel installed for every user of a host (a JupyterHub node, a class VM): the CLI copied out of the
/// build folder into PREFIX/lib/perfnb, the datasets the workbooks read into PREFIX/share/perfnb, and the
/// kernelspec in PREFIX/share/jupyter/kernels/perfnb with absolute paths only. Nothing may point into a home
/// folder: a hub mounts each user's own volume over /home, and a spec naming ~/.dotnet or a checkout in
/// someone's home dies at start for everyone else ("kernel always died").
/// </summary>
public static class SystemInstall
{
    public const string DefaultPrefix = "/usr/local";

    /// <summary>Lists every file copied with its size and time; an unchanged build is not copied again.</summary>
    private const string ManifestName = ".perfnb-install-manifest";

    private const UnixFileMode ReadableByAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode ListableByAll = ReadableByAll | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <param name="perfnbDll">The built CLI; its whole folder is copied.</param>
    /// <param name="sampleServerDll">The built sample servers; their folder goes beside the CLI, where it looks for them.</param>
    /// <param name="prefix">e.g. /usr/local; must not lie in a home folder.</param>
    /// <param name="datasets">The checkout's datasets/ folder, or null to leave PREFIX/share/perfnb/datasets as it is.</param>
    /// <param name="dotnetHost">The dotnet executable the kernel starts with (default: the one running us).</param>
    [UnsupportedOSPlatform("windows")]
    public static SystemInstallResult Install(string perfnbDll, string sampleServerDll, string prefix, string? datasets, string? dotnetHost = null)
    {
        if (!File.Exists(perfnbDll))
        {
            throw new BadInputException($"cannot install the kernel: '{perfnbDll}' does not exist; build the CLI first (./perfnb does).");
        }

        var root = Path.GetFullPath(prefix);
        RefuseHome(root, "--prefix", "choose a shared location such as /usr/local or /opt/perfnb");
        var host = dotnetHost ?? DotnetHost.Path;
        RefuseHome(host, "the dotnet host", "install the .NET SDK system-wide (Debian: under /usr/share/dotnet or /usr/lib/dotnet) and run this with that dotnet");
        var dotnet = Resolve(host);
        RefuseHome(dotnet, "the dotnet host", "install the .NET SDK system-wide (Debian: under /usr/share/dotnet or /usr/lib/dotnet) and run this with that dotnet");

        var program = Path.Combine(root, "lib", "perfnb");
        var data = Path.Combine(root, "share", "perfnb");
        if (!File.Exists(sampleServerDll))
        {
            throw new BadInputException($"cannot install the sample servers: '{sampleServerDll}' does not exist; build them (./perfnb does).");
        }

        var cli = Path.GetDirectoryName(Path.GetFullPath(perfnbDll))!;
        var servers = Path.GetDirectoryName(Path.GetFullPath(sampleServerDll))!;
        var installedServers = Path.Combine(program, Servers.ServerBinary.InstalledFolder);

        // An installed CLI installing itself again has nothing to copy.
        var copied = cli != program && CopyTree(cli, program);
        copied |= servers != installedServers && CopyTree(servers, installedServers);
        if (datasets is not null)
        {
            CopyTree(Directory.Exists(datasets) ? datasets : throw new BadInputException($"datasets folder '{datasets}' does not exist; run this from a PerfNotebooks checkout."), Path.Combine(data, "datasets"));
        }

        var kernelFolder = KernelSpec.Install(Path.Combine(program, Path.GetFileName(perfnbDll)), root);
        Rewrite(Path.Combine(kernelFolder, "kernel.json"), dotnet, data);
        MakeListable(root, data);
        MakeListable(root, kernelFolder);
        return new SystemInstallResult(kernelFolder, program, data, copied);
    }

    /// <summary>Any absolute path in the spec that lies in a home folder, or null when there is none.</summary>
    public static string? HomePathIn(string kernelJson)
    {
        var spec = JsonNode.Parse(File.ReadAllText(kernelJson))!;
        var values = spec["argv"]!.AsArray().Select(a => (string?)a)
            .Concat(spec["env"]?.AsObject().Select(e => (string?)e.Value) ?? []);
        return values.FirstOrDefault(v => v is not null && Path.IsPathRooted(v) && IsUnderHome(v));
    }

    /// <summary>The spec the base installer wrote, with the resolved host first and the shared data folder named.</summary>
    [UnsupportedOSPlatform("windows")]
    private static void Rewrite(string kernelJson, string dotnet, string data)
    {
        var spec = JsonNode.Parse(File.ReadAllText(kernelJson))!.AsObject();
        spec["argv"]![0] = dotnet;
        var env = spec["env"] as JsonObject ?? [];
        env["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet);

        // Workbooks find datasets/ through this; the kernel's working folder is the learner's own.
        env["PERFNB_REPO_ROOT"] = data;
        spec["env"] = env;
        SafeFile.WriteText(kernelJson, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (HomePathIn(kernelJson) is { } home)
        {
            throw new BadInputException($"the kernelspec {kernelJson} would still use '{home}', inside a home folder; install from a build outside /home and /root.");
        }

        File.SetUnixFileMode(kernelJson, ReadableByAll);
    }

    /// <summary>Copies a folder whole into place (new copy beside it, then swapped); false when it was already there.</summary>
    [UnsupportedOSPlatform("windows")]
    private static bool CopyTree(string source, string target)
    {
        var manifest = Manifest(source);
        var installed = Path.Combine(target, ManifestName);
        if (File.Exists(installed) && File.ReadAllText(installed) == manifest)
        {
            return false;
        }

        var fresh = target + ".new";
        var old = target + ".old";
        DeleteIfThere(fresh);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Prepend(source))
        {
            var to = Path.Combine(fresh, Path.GetRelativePath(source, dir));
            Directory.CreateDirectory(to);
            File.SetUnixFileMode(to, ListableByAll);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(fresh, Path.GetRelativePath(source, file));
            File.Copy(file, to, overwrite: true);
            File.SetUnixFileMode(to, (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0 ? ListableByAll : ReadableByAll);
        }

        SafeFile.WriteText(Path.Combine(fresh, ManifestName), manifest);
        File.SetUnixFileMode(Path.Combine(fresh, ManifestName), ReadableByAll);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        DeleteIfThere(old);
        if (Directory.Exists(target))
        {
            Directory.Move(target, old);
        }

        Directory.Move(fresh, target);
        DeleteIfThere(old);
        return true;
    }

    private static string Manifest(string source) => string.Join('\n', Directory
        .EnumerateFiles(source, "*", SearchOption.AllDirectories)
        .Where(f => Path.GetFileName(f) != ManifestName)
        .Select(f => new FileInfo(f))
        .Select(f => FormattableString.Invariant($"{Path.GetRelativePath(source, f.FullName)} {f.Length} {f.LastWriteTimeUtc.Ticks}"))
        .Order(StringComparer.Ordinal));

    /// <summary>Every folder from the prefix down to <paramref name="folder"/> can be listed by every learner (a root umask of 077 would hide them).</summary>
    [UnsupportedOSPlatform("windows")]
    private static void MakeListable(string prefix, string folder)
    {
        Directory.CreateDirectory(folder);
        for (var dir = new DirectoryInfo(folder); dir is not null && dir.FullName.StartsWith(prefix, StringComparison.Ordinal); dir = dir.Parent)
        {
            if ((dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                dir.UnixFileMode |= UnixFileMode.OtherExecute | UnixFileMode.OtherRead | UnixFileMode.GroupExecute | UnixFileMode.GroupRead;
            }
        }
    }

    private static void DeleteIfThere(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Symlinks resolved: /usr/bin/dotnet is a link into /usr/share/dotnet, where DOTNET_ROOT must point.</summary>
    private static string Resolve(string path)
    {
        var full = Path.IsPathRooted(path) ? path : FindOnPath(path);
        if (!File.Exists(full))
        {
            throw new BadInputException($"the dotnet host '{full}' does not exist; install the .NET SDK system-wide and run this again.");
        }

        var target = File.ResolveLinkTarget(full, returnFinalTarget: true);
        return target?.FullName ?? full;
    }

    private static string FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists)
        ?? throw new BadInputException($"cannot find '{name}' on PATH; install the .NET SDK system-wide and run this again.");

    private static void RefuseHome(string path, string what, string fix)
    {
        if (IsUnderHome(path))
        {
            throw new BadInputException($"{what} is '{path}', inside a home folder, which a hub's other users cannot see; {fix}.");
        }
    }

    private static bool IsUnderHome(string path)
    {
        var full = Path.GetFullPath(path);
        var homes = new[] { "/home", "/root", Environment.GetEnvironmentVariable("HOME") }
            .Where(h => !string.IsNullOrEmpty(h) && h != "/")
            .Select(h => Path.TrimEndingDirectorySeparator(Path.GetFullPath(h!)));
        return homes.Any(h => full == h || full.StartsWith(h + "/", StringComparison.Ordinal));
    }
}
