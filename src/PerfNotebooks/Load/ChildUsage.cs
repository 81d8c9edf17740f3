using System.Runtime.InteropServices;

namespace PerfNotebooks.Load;

/// <summary>
/// CPU time used by this process's finished children (getrusage RUSAGE_CHILDREN), so a command's user
/// and system seconds can be read as a before/after difference, the way hyperfine reads them.
/// </summary>
internal static class ChildUsage
{
    private const int RusageChildren = -1;

    /// <summary>(user, system) seconds of all reaped children so far; zeros where the OS offers no getrusage.</summary>
    public static (double User, double System) Now()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return (0, 0);
        }

        return GetRUsage(RusageChildren, out var usage) == 0
            ? (usage.UserSeconds + (usage.UserMicros / 1e6), usage.SystemSeconds + (usage.SystemMicros / 1e6))
            : (0, 0);
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRUsage(int who, out RUsage usage);

    // struct rusage on 64-bit Unix: two timevals, then 14 longs we never read (Size covers them).
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
    }
}
