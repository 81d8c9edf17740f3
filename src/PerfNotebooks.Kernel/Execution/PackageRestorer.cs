using System.Diagnostics;
using System.Text;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Resolves <c>#r "nuget: ..."</c> by restoring a throwaway project through the machine's own NuGet
/// configuration and publishing it, then caching the resulting assemblies per package and version.
/// </summary>
internal sealed class PackageRestorer(string cacheRoot)
{
    public static string DefaultCacheRoot => Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "perfnb", "nuget");

    public async Task<IReadOnlyList<string>> RestoreAsync(PackageReference package, CancellationToken cancellation)
    {
        var version = package.Version ?? "*";
        var folder = Path.Combine(cacheRoot, Sanitize(package.Name) + "-" + Sanitize(version));
        var output = Path.Combine(folder, "out");
        var done = Path.Combine(folder, ".restored");
        if (!File.Exists(done))
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "restore.csproj"), $"""
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
                """, cancellation);
            var (exitCode, log) = await RunDotnetAsync(folder, ["publish", "restore.csproj", "-c", "Release", "-o", output, "-nologo", "-v", "q"], cancellation);
            if (exitCode != 0)
            {
                throw new BadInputException(Explain(package, log));
            }

            await File.WriteAllTextAsync(done, DateTimeOffset.UtcNow.ToString("O"), cancellation);
        }

        return [.. Directory.EnumerateFiles(output, "*.dll").Where(f => !Path.GetFileName(f).Equals("restore.dll", StringComparison.OrdinalIgnoreCase))];
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
