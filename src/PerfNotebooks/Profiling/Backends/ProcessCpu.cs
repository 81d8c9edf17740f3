using System.Globalization;

namespace PerfNotebooks.Profiling.Backends;

/// <summary>
/// A process's CPU time from /proc/PID/stat (user + system), sampled once a second into a "cpu-usage" series in
/// percent of the whole machine, the unit .NET's System.Runtime counter uses, so the same findings rules read it.
/// </summary>
internal sealed class ProcessCpu : IDisposable
{
    // USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly int pid;
    private readonly List<CounterPoint> points = [];
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Timer timer;
    private double lastSeconds;
    private double? lastCpu;

    public ProcessCpu(int pid)
    {
        this.pid = pid;
        lastCpu = CpuSeconds(pid);
        timer = new Timer(_ => Tick(), null, 1000, 1000);
    }

    /// <summary>Seconds of CPU the process has used since it started, or null once it is gone.</summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public CounterSeries Stop()
    {
        timer.Dispose();
        Tick();
        lock (points)
        {
            return new CounterSeries("cpu-usage", "CPU Usage", "%", [.. points]) { Provider = "/proc" };
        }
    }

    private void Tick()
    {
        lock (points)
        {
            var now = clock.Elapsed.TotalSeconds;
            var cpu = CpuSeconds(pid);
            if (cpu is { } c && lastCpu is { } before && now - lastSeconds > 0.2)
            {
                points.Add(new CounterPoint(now, 100 * (c - before) / (now - lastSeconds) / Environment.ProcessorCount));
                lastSeconds = now;
                lastCpu = c;
            }
        }
    }

    public void Dispose() => timer.Dispose();
}
