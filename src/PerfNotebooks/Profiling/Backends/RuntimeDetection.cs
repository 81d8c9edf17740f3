using System.Text;

namespace PerfNotebooks.Profiling.Backends;

/// <summary>Tells what a running process is from /proc: .NET (a diagnostics socket or the CoreCLR), Node, Go, or native.</summary>
internal static class RuntimeDetection
{
    // Every Go binary since 1.13 carries this magic at the start of its .go.buildinfo section.
    private static readonly byte[] GoBuildInfoMagic = [0xff, .. Encoding.ASCII.GetBytes(" Go buildinf:")];

    public static ProfiledRuntime Detect(int pid)
    {
        RequireRunning(pid);
        if (HasDiagnosticsSocket(pid) || MapsMention(pid, "libcoreclr.so"))
        {
            return ProfiledRuntime.DotNet;
        }

        var exe = ExecutablePath(pid);
        var name = Path.GetFileName(exe ?? string.Empty);
        if (name is "node" or "nodejs" || MapsMention(pid, "libnode.so"))
        {
            return ProfiledRuntime.Node;
        }

        // /proc/PID/exe opens the running image even when its file was replaced or deleted (a rebuild).
        return IsGoExecutable($"/proc/{pid}/exe") ? ProfiledRuntime.Go : ProfiledRuntime.Native;
    }

    public static void RequireRunning(int pid)
    {
        if (pid <= 0)
        {
            throw new BadInputException($"--pid {pid} is not a process id; pass the id of a running process (see 'ps').");
        }

        if (!Directory.Exists($"/proc/{pid}"))
        {
            throw new BadInputException($"no process with id {pid} is running; pass the id of a running process (see 'ps').");
        }
    }

    public static string? ExecutablePath(int pid)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/exe").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool HasDiagnosticsSocket(int pid) => DiagnosticsSocket.Reach(pid);

    private static bool MapsMention(int pid, string library)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/maps").Any(l => l.EndsWith(library, StringComparison.Ordinal) || l.Contains("/" + library, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static bool IsGoExecutable(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var buffer = new byte[1 << 20];
            var carry = 0;
            int read;
            while ((read = file.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var span = buffer.AsSpan(0, carry + read);
                if (span.IndexOf(GoBuildInfoMagic) >= 0)
                {
                    return true;
                }

                // Keep the tail in case the magic straddles two reads.
                carry = Math.Min(GoBuildInfoMagic.Length - 1, span.Length);
                span[^carry..].CopyTo(buffer);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return false;
    }
}
