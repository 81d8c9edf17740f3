using System.Diagnostics;
using System.Globalization;
using PerfNotebooks.Profiling.Formats;

namespace PerfNotebooks.Profiling.Backends;

/// <summary>
/// Linux perf on one process: <c>perf record -e cpu-clock -F 499 -g -p PID</c> for the session (the software clock:
/// hardware counters are often unavailable in VMs and containers), then <c>perf script</c>, which names JIT frames
/// from /tmp/perf-PID.map when the runtime writes one.
/// </summary>
internal static class PerfRecording
{
    // No build ids: perf would otherwise read every mapped library at the end and copy them to ~/.debug. No inline
    // expansion in perf script: addr2line on a large binary can take minutes, and the symbol names the function.

    /// <summary>Samples per second: enough for a 2 s session to name the hot loop, far below perf's default 4000.</summary>
    public const int Frequency = 499;

    public static async Task<StackRecording> Record(int pid, TimeSpan duration, CancellationToken ct, bool jitted = false)
    {
        var perf = Locate();
        var data = Path.Combine(Path.GetTempPath(), $"perfnb-{pid}-{Guid.NewGuid():N}.perf.data");
        try
        {
            var seconds = duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            var (code, _, stderr) = await Run(perf, ["record", "--no-buildid", "--no-buildid-cache", "-e", "cpu-clock", "-F", Frequency.ToString(CultureInfo.InvariantCulture), "-g", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", data, "--", "sleep", seconds], ct);
            if (code != 0 || !File.Exists(data))
            {
                throw Refused(pid, stderr);
            }

            // Read while the process still runs: its mappings go with it.
            var jit = jitted ? JitSymbols.Read(pid) : null;
            var script = Path.ChangeExtension(data, ".txt");
            try
            {
                var (scriptCode, _, scriptErr) = await Run(perf, ["script", "-i", data, "--force", "--no-inline", "-F", "comm,pid,tid,time,ip,sym,dso"], ct, stdoutPath: script);
                if (scriptCode != 0)
                {
                    throw new InvalidOperationException($"perf script failed on the recording of process {pid}: {FirstLine(scriptErr)}");
                }

                using var reader = File.OpenText(script);
                var recording = PerfScriptFormat.Parse(reader, $"perf recording of process {pid}", onlyPid: pid, doubleMapped: jit is null ? null : jit.Name);
                return recording with { Seconds = duration.TotalSeconds, PeriodNanos = 1_000_000_000 / Frequency };
            }
            finally
            {
                File.Delete(script);
            }
        }
        finally
        {
            File.Delete(data);
        }
    }

    /// <summary>
    /// V8 writes /tmp/perf-PID.map, which names its JIT-compiled JavaScript functions for perf, only when node runs with
    /// --perf-basic-prof; without it every JavaScript frame is an anonymous address, so perf is refused, saying how.
    /// </summary>
    public static void RequireNodePerfMap(int pid)
    {
        if (!File.Exists($"/tmp/perf-{pid}.map"))
        {
            throw new BadInputException(
                $"node process {pid} writes no perf map (/tmp/perf-{pid}.map), so perf would name none of its JavaScript functions: "
                + "start node with --perf-basic-prof (or NODE_OPTIONS=--perf-basic-prof, which our Node sample servers pass on), or profile it with --backend inspector (Node's default).");
        }
    }

    /// <summary>The perf executable on PATH, or a clear error saying how to install it.</summary>
    public static string Locate()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "perf"))
            .FirstOrDefault(File.Exists);
        return found ?? throw new BadInputException("Linux perf is not installed; install it with scripts/prereqs.sh (Debian package linux-perf) or 'sudo apt-get install linux-perf'.");
    }

    private static BadInputException Refused(int pid, string stderr)
    {
        if (stderr.Contains("perf_event_paranoid", StringComparison.Ordinal) || stderr.Contains("ermission", StringComparison.Ordinal) || stderr.Contains("EACCES", StringComparison.Ordinal))
        {
            var paranoid = File.Exists("/proc/sys/kernel/perf_event_paranoid") ? File.ReadAllText("/proc/sys/kernel/perf_event_paranoid").Trim() : "?";
            return new BadInputException($"perf may not sample process {pid} (kernel.perf_event_paranoid is {paranoid}, or the process is another user's); profile your own process, or run 'sudo sysctl kernel.perf_event_paranoid=1'.");
        }

        if (stderr.Contains("No such process", StringComparison.Ordinal) || !Directory.Exists($"/proc/{pid}"))
        {
            return new BadInputException($"process {pid} exited before perf could attach; pass the id of a running process.");
        }

        return new BadInputException($"perf could not record process {pid}: {FirstLine(stderr)}");
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => !l.StartsWith("[ perf record", StringComparison.Ordinal)) ?? "no output";

    private static async Task<(int Code, string Stdout, string Stderr)> Run(string file, IReadOnlyList<string> args, CancellationToken ct, string? stdoutPath = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        Task<string> stdout;
        if (stdoutPath is null)
        {
            stdout = process.StandardOutput.ReadToEndAsync(ct);
        }
        else
        {
            stdout = Task.Run(
                async () =>
                {
                    await using var file = File.Create(stdoutPath);
                    await process.StandardOutput.BaseStream.CopyToAsync(file, ct);
                    return string.Empty;
                }, ct);
        }

        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
