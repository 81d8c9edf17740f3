using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace PerfNotebooks.Profiling;

/// <summary>
/// Records one EventPipe session from a process into a .nettrace file: the sample profiler, the JIT/loader events
/// (plus end-of-session rundown) that name methods, lock contention, and the System.Runtime counters once a second.
/// </summary>
internal static class EventPipeRecording
{
    public const string SampleProfilerProvider = "Microsoft-DotNETCore-SampleProfiler";
    public const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    public const string CountersProvider = "System.Runtime";

    // Loader (0x8) + Jit (0x10) name methods jitted during the session, JittedMethodILToNativeMap (0x20000) maps
    // their native code back to IL offsets (source lines, with a PDB); Contention (0x4000) shows who waits on locks.
    // The end-of-session rundown sends the same for methods jitted before the session.
    private const long RuntimeKeywords = 0x8 | 0x10 | 0x4000 | 0x20000;

    public sealed record Outcome(double Seconds, bool TargetExited);

    /// <summary>
    /// EventSources whose counters say what requests do with the database: ASP.NET Core's requests, the drivers'
    /// commands and busy connections. Npgsql publishes "commands-per-second" and "busy-connections"; an app on a
    /// driver without counters (SQLite) can publish the same from an EventSource named "PerfNotebooks.Data", as the
    /// sample servers do.
    /// </summary>
    public static readonly string[] WorkCounterProviders = ["Microsoft.AspNetCore.Hosting", "Npgsql", "PerfNotebooks.Data"];

    public static IReadOnlyList<EventPipeProvider> ProfileProviders(int counterIntervalSeconds)
    {
        var interval = new Dictionary<string, string> { ["EventCounterIntervalSec"] = counterIntervalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return
        [
            new(SampleProfilerProvider, EventLevel.Informational),
            new(RuntimeProvider, EventLevel.Informational, RuntimeKeywords),
            new(CountersProvider, EventLevel.Informational, -1, interval),

            // Critical, not Informational: counters are written at LogAlways, while these sources' per-command and
            // per-request events (Informational) would flood the session.
            .. WorkCounterProviders.Select(name => new EventPipeProvider(name, EventLevel.Critical, 0, interval)),
        ];
    }

    public static DiagnosticsClient Connect(int pid)
    {
        if (pid <= 0)
        {
            throw new BadInputException($"--pid {pid} is not a process id; pass the id of a running .NET process (see 'ps' or 'dotnet-trace ps').");
        }

        try
        {
            using var process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            throw new BadInputException($"no process with id {pid} is running; pass the id of a running .NET process.");
        }

        DiagnosticsSocket.Reach(pid);
        return new DiagnosticsClient(pid);
    }

    /// <summary>Streams the session into <paramref name="nettracePath"/> until the duration ends or the target exits.</summary>
    public static async Task<Outcome> Record(
        int pid, IReadOnlyList<EventPipeProvider> providers, bool rundown, TimeSpan duration, string nettracePath, CancellationToken ct)
    {
        var client = Connect(pid);
        EventPipeSession session;
        try
        {
            session = await client.StartEventPipeSessionAsync(providers, rundown, circularBufferMB: 256, ct);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or UnauthorizedAccessException or IOException)
        {
            throw NotAttachable(pid, e);
        }

        return await Stream(session, duration, nettracePath, ct);
    }

    public static BadInputException NotAttachable(int pid, Exception e) =>
        new($"process {pid} has no .NET diagnostics port we can open (not a .NET process, another user's, in another container, or DOTNET_EnableDiagnostics=0); pass the id of a .NET process run by this user.", e);

    private static async Task<Outcome> Stream(EventPipeSession session, TimeSpan duration, string nettracePath, CancellationToken ct)
    {
        using (session)
        {
            var clock = Stopwatch.StartNew();
            await using var file = new FileStream(nettracePath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true);
            var copy = session.EventStream.CopyToAsync(file, ct);
            var finished = await Task.WhenAny(copy, Task.Delay(duration, ct));
            var exited = finished == copy;
            var seconds = clock.Elapsed.TotalSeconds;
            if (!exited)
            {
                try
                {
                    await session.StopAsync(ct);
                }
                catch (Exception e) when (e is ServerNotAvailableException or IOException or EndOfStreamException)
                {
                    // The target went away while we were stopping: keep what was streamed so far.
                    exited = true;
                }
            }

            try
            {
                await copy;
            }
            catch (IOException)
            {
                exited = true;
            }

            ct.ThrowIfCancellationRequested();
            return new Outcome(seconds, exited);
        }
    }
}
