using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PerfNotebooks.Load;

/// <summary>
/// Runs one command the way hyperfine does: posix_spawn, then wait4, which hands back the child's own
/// user/system CPU time and lets the wall clock stop the moment the child is reaped (no trip through
/// the runtime's SIGCHLD handling). Falls back to <see cref="Process"/> where there is no posix_spawn.
/// </summary>
internal static class ChildProcess
{
    public readonly record struct Timing(double Wall, double User, double System, int ExitCode);

    public static Task<Timing> RunAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        OperatingSystem.IsLinux()
            ? Task.Factory.StartNew(() => SpawnAndWait(file, args, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : ViaProcessAsync(file, args, cancellationToken);

    private static Timing SpawnAndWait(string file, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        string?[] argv = [file, .. args, null];
        string?[] envp = [.. Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(e => $"{e.Key}={e.Value}"), null];
        var clock = Stopwatch.StartNew();
        var error = PosixSpawn(out var pid, file, IntPtr.Zero, IntPtr.Zero, argv, envp);
        if (error != 0)
        {
            throw new WorkFailedException($"could not start {file} (posix_spawn error {error}).");
        }

        using var kill = cancellationToken.Register(() => _ = Kill(pid, 9));
        int status;
        RUsage usage;
        while (Wait4(pid, out status, 0, out usage) < 0)
        {
            if (Marshal.GetLastPInvokeError() != 4)
            {
                throw new WorkFailedException($"waiting for {file} failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }

        var wall = clock.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();
        // Exited normally: the code is in bits 8-15; killed by a signal: report 128 + signal like a shell.
        var code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
        return new Timing(wall, usage.UserSeconds + (usage.UserMicros / 1e6), usage.SystemSeconds + (usage.SystemMicros / 1e6), code);
    }

    private static async Task<Timing> ViaProcessAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new WorkFailedException($"could not start {file}.");
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Timing(clock.Elapsed.TotalSeconds, process.UserProcessorTime.TotalSeconds, process.PrivilegedProcessorTime.TotalSeconds, process.ExitCode);
    }

    // LPStr marshals as UTF-8 on Unix.
    [DllImport("libc", EntryPoint = "posix_spawn")]
    private static extern int PosixSpawn(out int pid, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr fileActions, IntPtr attributes, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);

    [DllImport("libc", EntryPoint = "wait4", SetLastError = true)]
    private static extern int Wait4(int pid, out int status, int options, out RUsage usage);

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    // struct rusage on 64-bit Linux: two timevals, then 14 longs we never read (Size covers them).
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
    }
}
