namespace PerfNotebooks.Cli;

/// <summary>
/// A temp folder only this user can enter, made TMPDIR before anything runs. On a shared host (a JupyterHub
/// with local users) everyone's TMPDIR is the one /tmp: sample-server databases, traces and the .NET
/// diagnostics sockets the profiler attaches through would all sit side by side there. With a private TMPDIR,
/// inherited by the sample servers and builds we start, one learner's files and sockets are out of another's
/// sight, and the profiler finds its own servers' sockets where they created them.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class PrivateTemp
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Sets TMPDIR for this process and its children; returns the folder.</summary>
    public static string Apply()
    {
        var folder = Choose(Environment.GetEnvironmentVariable("TMPDIR"), Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"), Environment.UserName);
        Environment.SetEnvironmentVariable("TMPDIR", folder);
        return folder;
    }

    /// <summary>
    /// A TMPDIR that others cannot write is kept (the user or the hub chose it); one we cannot write either
    /// (another user's, inherited through su) is ignored. Otherwise perfnb-USER in the
    /// user's runtime folder or the shared temp folder, created 0700; if someone else made that name first
    /// (wrong mode, or we cannot write in it), a fresh randomly named folder instead.
    /// </summary>
    internal static string Choose(string? tmpdir, string? runtimeDir, string user)
    {
        var current = !string.IsNullOrEmpty(tmpdir) && Directory.Exists(tmpdir) && Writable(tmpdir) ? tmpdir : "/tmp";
        if (!SharedWithOthers(current))
        {
            return current;
        }

        var parent = !string.IsNullOrEmpty(runtimeDir) && Directory.Exists(runtimeDir) && !SharedWithOthers(runtimeDir) ? runtimeDir : current;
        var mine = Path.Combine(parent, "perfnb-" + user);
        try
        {
            Directory.CreateDirectory(mine, OwnerOnly);
            if (new DirectoryInfo(mine).UnixFileMode == OwnerOnly && Writable(mine))
            {
                return mine;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Taken by someone else: fall through to a name they cannot have guessed.
        }

        var fresh = Path.Combine(parent, $"perfnb-{user}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(fresh, OwnerOnly);
        return fresh;
    }

    private static bool SharedWithOthers(string folder) =>
        (new DirectoryInfo(folder).UnixFileMode & (UnixFileMode.OtherWrite | UnixFileMode.GroupWrite)) != 0;

    private static bool Writable(string folder)
    {
        var probe = Path.Combine(folder, $".probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
