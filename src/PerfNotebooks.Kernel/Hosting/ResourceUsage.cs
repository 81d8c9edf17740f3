using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>
/// usage_reply, as ipykernel answers JupyterLab's resource panel (jupyter-resource-usage): the kernel's CPU
/// percent since the previous request (since start for the first), its resident memory, and the host's.
/// </summary>
internal sealed class ResourceUsage
{
    private readonly Lock _gate = new();
    private TimeSpan _lastCpu;
    private long _lastWall;
    private (long Busy, long Total)? _lastHost;

    public ResourceUsage()
    {
        using var self = Process.GetCurrentProcess();
        _lastWall = Stopwatch.GetTimestamp() - (long)((DateTime.Now - self.StartTime).TotalSeconds * Stopwatch.Frequency);
    }

    public JsonObject Content()
    {
        using var self = Process.GetCurrentProcess();
        double kernelCpu;
        double? hostCpu;
        lock (_gate)
        {
            var cpu = self.TotalProcessorTime;
            var wall = Stopwatch.GetTimestamp();
            var seconds = Stopwatch.GetElapsedTime(_lastWall, wall).TotalSeconds;
            kernelCpu = seconds <= 0 ? 0 : (cpu - _lastCpu).TotalSeconds / seconds * 100;
            (_lastCpu, _lastWall) = (cpu, wall);
            var host = HostCpuTicks();
            hostCpu = host is { } now && _lastHost is { } then && now.Total > then.Total
                ? 100.0 * (now.Busy - then.Busy) / (now.Total - then.Total)
                : null;
            _lastHost = host;
        }

        var content = new JsonObject
        {
            ["hostname"] = Environment.MachineName,
            ["pid"] = Environment.ProcessId,
            ["kernel_cpu"] = Math.Round(kernelCpu, 1),
            ["kernel_memory"] = self.WorkingSet64,
            ["cpu_count"] = Environment.ProcessorCount,
        };
        if (hostCpu is { } percent)
        {
            content["host_cpu_percent"] = Math.Round(percent, 1); // as psutil, omitted until there is an interval to measure
        }

        if (HostMemory() is { } memory)
        {
            content["host_virtual_memory"] = memory;
        }

        return content;
    }

    /// <summary>Busy and total jiffies of all CPUs from /proc/stat; null off Linux.</summary>
    private static (long Busy, long Total)? HostCpuTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0); // idle + iowait
            var total = fields.Sum();
            return (total - idle, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>psutil.virtual_memory()'s main fields, in bytes, from /proc/meminfo; null off Linux.</summary>
    private static JsonObject? HostMemory()
    {
        try
        {
            var kib = File.ReadLines("/proc/meminfo")
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => long.Parse(parts[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
            var total = kib["MemTotal"];
            var available = kib["MemAvailable"];
            return new JsonObject
            {
                ["total"] = total,
                ["available"] = available,
                ["percent"] = Math.Round(100.0 * (total - available) / total, 1),
                ["used"] = total - available,
                ["free"] = kib["MemFree"],
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or KeyNotFoundException or ArgumentException)
        {
            return null;
        }
    }
}
