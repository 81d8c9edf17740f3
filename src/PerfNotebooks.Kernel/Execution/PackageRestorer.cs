using System.Diagnostics;
using System.Text;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Resolves <c>#r "nuget: ..."</c> by restoring a throwaway project through the machine's own NuGet
/// configuration and publishing it, then caching the resulting assemblies per package and version.
/// </summary>
internal sealed class PackageRestorer
{
    private readonly string cacheRoot;
    private readonly Func<string, string, CancellationToken, Task<(int ExitCode, string Log)>> publish;

    public PackageRestorer(string cacheRoot)
        : this(cacheRoot, (folder, output, ct) => RunDotnetAsync(folder, ["publish", "restore.csproj", "-c", "Release", "-o", output, "-nologo", "-v", "q"], ct))
    {
    }

    /// <summary>With another way to publish the restore project into a folder (tests time the race with it).</summary>
    internal PackageRestorer(string cacheRoot, Func<string, string, CancellationToken, Task<(int ExitCode, string Log)>> publish)
    {
        this.cacheRoot = cacheRoot;
        this.publish = publish;
    }

    public static string DefaultCacheRoot => Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "perfnb", "nuget");

    /// <summary>
    /// Restores into a private staging folder and renames it into place, so a package folder is either complete or
    /// absent; a lock file beside it makes a second kernel wait for the first instead of restoring the same package.
    /// </summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(PackageReference package, CancellationToken cancellation)
    {
        var version = package.Version ?? "*";
        var name = Sanitize(package.Name) + "-" + Sanitize(version);
        var folder = Path.Combine(cacheRoot, name);
        var output = Path.Combine(folder, "out");
        var done = Path.Combine(folder, ".restored");
        if (!File.Exists(done))
        {
            Directory.CreateDirectory(cacheRoot);
            using var held = await LockAsync(Path.Combine(cacheRoot, name + ".lock"), cancellation);
            if (!File.Exists(done))
            {
                await RestoreIntoPlaceAsync(package, version, folder, cancellation);
            }
        }

        return [.. Directory.EnumerateFiles(output, "*.dll").Where(f => !Path.GetFileName(f).Equals("restore.dll", StringComparison.OrdinalIgnoreCase))];
    }

    private async Task RestoreIntoPlaceAsync(PackageReference package, string version, string folder, CancellationToken cancellation)
    {
        var staging = folder + ".staging-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            SafeFile.WriteText(Path.Combine(staging, "restore.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <NoWarn>NU1603;NU1701</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{System.Security.SecurityElement.Escape(package.Name)}" Version="{System.Security.SecurityElement.Escape(version)}" />
                  </ItemGroup>
                </Project>
                """);
            var (exitCode, log) = await publish(staging, Path.Combine(staging, "out"), cancellation);
            if (exitCode != 0)
            {
                throw new BadInputException(Explain(package, log));
            }

            SafeFile.WriteText(Path.Combine(staging, ".restored"), DateTimeOffset.UtcNow.ToString("O"));
            if (Directory.Exists(folder))
            {
                // Left half-written by a kernel that died (or by an older perfnb that restored in place).
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>An exclusive lock on a file, shared by every process on the machine; the OS releases it if the holder dies.</summary>
    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another kernel is restoring this package; it will be done (or have died) soon.
                await Task.Delay(100, cancellation);
            }
        }
    }

    private static string Explain(PackageReference package, string log)
    {
        var firstError = log.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? log.Trim();
        if (firstError.Contains("NU1101", StringComparison.Ordinal) || firstError.Contains("NU1102", StringComparison.Ordinal) || firstError.Contains("NU1103", StringComparison.Ordinal))
        {
            return $"package '{package}' is not available from this machine's NuGet sources; check the name and pick a version that is served ({Trim(firstError)}).";
        }

        return $"could not restore package '{package}': {Trim(firstError)}";
    }

    private static string Trim(string line)
    {
        var bracket = line.LastIndexOf(" [", StringComparison.Ordinal);
        return bracket > 0 ? line[..bracket] : line;
    }

    private static async Task<(int ExitCode, string Log)> RunDotnetAsync(string workingDirectory, string[] args, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new WorkFailedException("could not start 'dotnet' to restore a package.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        var log = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        return (process.ExitCode, log);
    }

    private static string Sanitize(string s) => string.Concat(s.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')).ToLowerInvariant();
}
