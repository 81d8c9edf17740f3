namespace PerfNotebooks.Servers;

/// <summary>
/// Finds the built sample-server assembly without referencing it (that would drag ASP.NET into notebooks):
/// an explicit path, next to the calling program, or in the repository's build output.
/// </summary>
internal static class ServerBinary
{
    public const string FileName = "PerfNotebooks.SampleServers.dll";
    public const string PathVariable = "PERFNB_SAMPLE_SERVER_DLL";

    /// <summary>A system install (perfnb kernel install --system) keeps the servers in this folder beside the CLI.</summary>
    public const string InstalledFolder = "sample-servers";

    public static string Locate()
    {
        var explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new BadInputException($"{PathVariable} is '{explicitPath}', which does not exist; unset it or point it at a built {FileName}");
        }

        var candidates = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, FileName),
            Path.Combine(Path.GetDirectoryName(typeof(ServerBinary).Assembly.Location) ?? ".", FileName),
            Path.Combine(AppContext.BaseDirectory, InstalledFolder, FileName),
        };
        foreach (var root in RepoCheckout.Roots())
        {
            // Any configuration, runtime identifier or publish folder under bin/.
            var bin = Path.Combine(root, "src", "PerfNotebooks.SampleServers", "bin");
            if (Directory.Exists(bin))
            {
                candidates.AddRange(Directory.EnumerateFiles(bin, FileName, SearchOption.AllDirectories));
            }

            candidates.Add(Path.Combine(root, ".artifacts", "perfnb", FileName));
        }

        // Next to the caller wins (it was built with it); otherwise the most recently built copy in the repo.
        const int Beside = 3;
        var beside = candidates.Take(Beside).FirstOrDefault(Runnable);
        if (beside is not null)
        {
            return beside;
        }

        return candidates.Skip(Beside).Where(Runnable).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new WorkFailedException(
                $"cannot find {FileName} next to {AppContext.BaseDirectory} or in the repository; build it with "
                + "`dotnet build src/PerfNotebooks.SampleServers -c Release` or set " + PathVariable);
    }

    /// <summary>The dotnet host to run the server with: the one running us when we are under dotnet, else PATH's.</summary>
    public static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? self : "dotnet";
    }

    private static bool Runnable(string dll) =>
        File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"));
}
