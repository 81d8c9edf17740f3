using System.Diagnostics;
using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// A running tests/PerfNotebooks.ProfilingTarget process in one mode (cpu, wait, lock, leak...), ready to be profiled.
/// Killed on dispose.
/// </summary>
public sealed class ProfilingTarget : IProfileTarget, IDisposable
{
    private readonly Process process;
    private readonly List<int> rates = [];

    private ProfilingTarget(Process process) => this.process = process;

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Operations per second the target reported, one per second since it started.</summary>
    public IReadOnlyList<int> Rates
    {
        get
        {
            lock (rates)
            {
                return [.. rates];
            }
        }
    }

    public static string Dll
    {
        get
        {
            // Same configuration as the test assembly (bin/Release or bin/Debug).
            var config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            return Path.Combine(RepoPaths.Root, "tests", "PerfNotebooks.ProfilingTarget", "bin", config, "net10.0", "PerfNotebooks.ProfilingTarget.dll");
        }
    }

    public static async Task<ProfilingTarget> Start(string mode, int seconds = 60)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        info.ArgumentList.Add(mode);
        info.ArgumentList.Add(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the profiling target");
        var target = new ProfilingTarget(process);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("the profiling target exited before it was ready"));
            }
            else if (e.Data.StartsWith("ready", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
            else if (e.Data.StartsWith("rate ", StringComparison.Ordinal))
            {
                lock (target.rates)
                {
                    target.rates.Add(int.Parse(e.Data[5..], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        };
        process.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return target;
    }

    public void Dispose()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        process.Dispose();
    }
}
