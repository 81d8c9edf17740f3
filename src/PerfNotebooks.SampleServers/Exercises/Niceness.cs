using System.Runtime.InteropServices;

namespace PerfNotebooks.SampleServers.Exercises;

/// <summary>
/// Lowers the calling thread's CPU priority (Linux nice, for this thread only). .NET's Thread.Priority does nothing
/// on Linux, and the compiler's warm-up must give way to the requests a learner is measuring.
/// </summary>
internal static partial class Niceness
{
    private const int PrioProcess = 0;

    /// <summary>Nice 10: about a tenth of a core's share against a busy request thread, all of an idle core.</summary>
    public static void LowerThisThread(int nice = 10)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // With PRIO_PROCESS and a thread id, Linux sets that one thread's nice value.
            _ = SetPriority(PrioProcess, GetThreadId(), nice);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without gettid: the warm-up runs at normal priority.
        }
    }

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int prio);
}
