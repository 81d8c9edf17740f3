using System.Globalization;

namespace PerfNotebooks.Profiling.Backends;

/// <summary>The loopback TCP ports a process listens on, from its socket descriptors and /proc/PID/net/tcp{,6}.</summary>
internal static class ListeningPorts
{
    private const string Listen = "0A";

    public static IReadOnlyList<int> Of(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var ports = new SortedSet<int>();
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            try
            {
                foreach (var line in File.ReadLines($"/proc/{pid}/net/{table}").Skip(1))
                {
                    // sl local_address rem_address st tx:rx tr:tm retrnsmt uid timeout inode
                    var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (f.Length > 9 && f[3] == Listen && inodes.Contains(f[9]))
                    {
                        ports.Add(int.Parse(f[1][(f[1].IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // No IPv6 table, or the process just exited: what was read is all there is.
            }
        }

        return [.. ports];
    }
}
