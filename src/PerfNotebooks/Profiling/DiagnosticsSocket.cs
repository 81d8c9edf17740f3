namespace PerfNotebooks.Profiling;

/// <summary>
/// Where a .NET process's diagnostics socket is. The runtime makes it in the TMPDIR the process started with, and
/// the diagnostics client looks only in ours; perfnb gives itself a private TMPDIR on a shared host, so a process
/// started outside it (the user's own app, or the kernel itself, whose runtime opened its socket before the switch)
/// has its socket elsewhere. Such a socket is linked into our temp folder under its own name, so the client finds it.
/// </summary>
internal static class DiagnosticsSocket
{
    /// <summary>True when a socket for <paramref name="pid"/> is reachable from our temp folder (linking it in if needed).</summary>
    public static bool Reach(int pid)
    {
        var ours = Path.GetTempPath();
        if (Find(ours, pid) is not null)
        {
            return true;
        }

        foreach (var folder in TheirTempFolders(pid))
        {
            if (Find(folder, pid) is { } socket)
            {
                var link = Path.Combine(ours, Path.GetFileName(socket));
                try
                {
                    File.CreateSymbolicLink(link, socket);
                    return true;
                }
                catch (IOException) when (File.Exists(link))
                {
                    return true; // another session linked it first
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private static string? Find(string folder, int pid)
    {
        try
        {
            // A link left by a process that has exited points nowhere: skip (and tidy) it.
            foreach (var path in Directory.EnumerateFiles(folder, $"dotnet-diagnostic-{pid}-*-socket"))
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is null || File.Exists(info.LinkTarget))
                {
                    return path;
                }

                info.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    private static IEnumerable<string> TheirTempFolders(int pid)
    {
        string? theirs = null;
        try
        {
            // The environment the process started with: where its runtime made the socket.
            foreach (var entry in File.ReadAllText($"/proc/{pid}/environ").Split('\0'))
            {
                if (entry.StartsWith("TMPDIR=", StringComparison.Ordinal) && entry.Length > "TMPDIR=".Length)
                {
                    theirs = entry["TMPDIR=".Length..];
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another user's process: its socket is not ours to open anyway.
        }

        return theirs is null ? ["/tmp"] : [theirs, "/tmp"];
    }
}
