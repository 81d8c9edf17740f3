using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;

namespace PerfNotebooks.Profiling;

/// <summary>
/// Reads a .nettrace into thread samples (with method names resolved from JIT/rundown events) and counter series.
/// TraceLog does the stack and method resolution; we read only the events we need from it.
/// </summary>
internal static class TraceReading
{
    /// <param name="Cores">The traced process's processor count, from the trace header (0 when the trace does not say).</param>
    /// <param name="Lines">CPU samples by source line of the app's code, where its modules' PDBs were found.</param>
    public sealed record Content(IReadOnlyList<ThreadSample> Samples, IReadOnlyList<CounterSeries> Counters, int ContentionEvents, int Cores = 0, Lines.ProfiledLines? Lines = null);

    /// <param name="pid">The traced process, whose sample server keeps the PDBs of code it compiled in memory; 0 when unknown.</param>
    public static Content Read(string nettracePath, int pid = 0)
    {
        var etlx = Path.Combine(Path.GetTempPath(), $"perfnb-{Guid.NewGuid():N}.etlx");
        try
        {
            TraceLog.CreateFromEventPipeDataFile(nettracePath, etlx, new TraceLogOptions { ContinueOnError = true, ConversionLog = TextWriter.Null });
            using var log = new TraceLog(etlx);
            var cpuStacks = new Dictionary<CallStackIndex, int>();
            var (samples, contention) = ReadSamples(log, cpuStacks, pid);
            var code = new Lines.NativeCodeMap();
            var counters = ReadCounters(nettracePath, code);
            var lines = Disguised(Lines.LineAttribution.Read(log, cpuStacks, code, pid), pid);
            return new Content(samples, counters, contention, Math.Max(0, log.NumberOfProcessors), lines);
        }
        catch (Exception e) when (e is not OperationCanceledException and not BadInputException)
        {
            throw new WorkFailedException($"could not read the trace {nettracePath}: {e.Message}", e);
        }
        finally
        {
            File.Delete(etlx);
        }
    }

    private static Lines.ProfiledLines? Disguised(Lines.ProfiledLines? lines, int pid) =>
        lines is null || !FrameDisguises.Applies(pid)
            ? lines
            : lines with
            {
                Costs = [.. lines.Costs.Select(c => c with { File = FrameDisguises.Apply(pid, c.File) })],
                Texts = lines.Texts.ToDictionary(t => FrameDisguises.Apply(pid, t.Key), t => FrameDisguises.Apply(pid, t.Value), StringComparer.Ordinal),
            };

    private static (List<ThreadSample> Samples, int Contention) ReadSamples(TraceLog log, Dictionary<CallStackIndex, int> cpuStacks, int pid)
    {
        var samples = new List<ThreadSample>();
        var frameCache = new Dictionary<CodeAddressIndex, string>();
        var stackCache = new Dictionary<CallStackIndex, string[]>();
        var contention = 0;
        foreach (var data in log.Events)
        {
            if (data.ProviderName == EventPipeRecording.SampleProfilerProvider)
            {
                var onCpu = IsManagedRunning(data);
                var stack = data.CallStackIndex();
                samples.Add(new ThreadSample(data.ThreadID, data.TimeStampRelativeMSec, onCpu, Frames(stack, log, frameCache, stackCache, pid)));
                if (onCpu && stack != CallStackIndex.Invalid)
                {
                    cpuStacks[stack] = cpuStacks.GetValueOrDefault(stack) + 1;
                }
            }
            else if (data.ProviderName == EventPipeRecording.RuntimeProvider && data.EventName.StartsWith("Contention/Start", StringComparison.Ordinal))
            {
                contention++;
            }
        }

        return (samples, contention);
    }

    // The ThreadSample payload is one uint: 0 error, 1 external (in native code: waiting, sleeping, I/O), 2 running managed code.
    private static bool IsManagedRunning(TraceEvent data) => data.EventDataLength >= 4 && data.EventData()[0] == 2;

    private static string[] Frames(CallStackIndex leaf, TraceLog log, Dictionary<CodeAddressIndex, string> frameCache, Dictionary<CallStackIndex, string[]> stackCache, int pid)
    {
        if (leaf == CallStackIndex.Invalid)
        {
            return [];
        }

        if (stackCache.TryGetValue(leaf, out var known))
        {
            return known;
        }

        var stacks = log.CallStacks;
        var frames = new List<string>();
        for (var s = leaf; s != CallStackIndex.Invalid; s = stacks.Caller(s))
        {
            var address = stacks.CodeAddressIndex(s);
            if (!frameCache.TryGetValue(address, out var name))
            {
                var code = log.CodeAddresses;
                var method = code.MethodIndex(address);
                var full = method == MethodIndex.Invalid ? string.Empty : code.Methods.FullMethodName(method);
                var module = code.ModuleFile(address)?.Name ?? string.Empty;
                name = FrameDisguises.Apply(pid, FrameNames.Normalize(full, module));
                frameCache[address] = name;
            }

            // Unresolved native frames come in runs; one is enough to show where the time went.
            if (frames.Count == 0 || name[0] != '[' || frames[^1] != name)
            {
                frames.Add(name);
            }
        }

        frames.Reverse();
        var result = frames.ToArray();
        stackCache[leaf] = result;
        return result;
    }

    // EventCounters payloads are self-describing EventSource events: TraceLog does not keep their fields, the
    // streaming EventPipeEventSource's dynamic parser does (and this pass is cheap: no stacks). The same pass
    // collects the JIT's method bodies and IL-to-native maps for source lines (TraceLog keeps those internal).
    private static List<CounterSeries> ReadCounters(string nettracePath, Lines.NativeCodeMap code)
    {
        var counters = new Dictionary<(string Provider, string Name), (string Display, string Units, List<CounterPoint> Points)>();
        using var source = new EventPipeEventSource(nettracePath);
        source.Dynamic.All += data =>
        {
            if (data.EventName == "EventCounters" && data.PayloadNames.Length > 0)
            {
                AddCounter(data, counters);
            }
        };
        code.Attach(source);
        source.Process();
        code.Seal();
        return
        [
            .. counters.Select(c => new CounterSeries(c.Key.Name, c.Value.Display, c.Value.Units, c.Value.Points)
                {
                    Provider = c.Key.Provider,
                    IsIncrement = c.Value.Points.Count > 0 && c.Value.Points[0].IsIncrement,
                })
                .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Provider, StringComparer.Ordinal),
        ];
    }

    private static void AddCounter(TraceEvent data, Dictionary<(string, string), (string, string, List<CounterPoint>)> counters)
    {
        var outer = data.PayloadValue(0) as IDictionary<string, object>;
        var payload = outer is not null && outer.TryGetValue("Payload", out var inner) && inner is IDictionary<string, object> nested ? nested : outer;
        if (payload is null || payload.TryGetValue("Name", out var nameValue) is false || nameValue is not string name)
        {
            return;
        }

        var isIncrement = payload.TryGetValue("Increment", out var increment);
        var value = isIncrement ? Convert.ToDouble(increment, System.Globalization.CultureInfo.InvariantCulture)
            : payload.TryGetValue("Mean", out var mean) ? Convert.ToDouble(mean, System.Globalization.CultureInfo.InvariantCulture)
            : double.NaN;
        // An increment covers one interval, whatever EventCounterIntervalSec was: keep its length to make it a rate.
        var interval = payload.TryGetValue("IntervalSec", out var sec) ? Convert.ToDouble(sec, System.Globalization.CultureInfo.InvariantCulture) : 1;
        if (double.IsNaN(value))
        {
            return;
        }

        var key = (data.ProviderName, name);
        if (!counters.TryGetValue(key, out var entry))
        {
            var display = payload.TryGetValue("DisplayName", out var d) ? d as string ?? name : name;
            var units = payload.TryGetValue("DisplayUnits", out var u) ? u as string ?? string.Empty : string.Empty;
            entry = (display, units, new List<CounterPoint>());
            counters[key] = entry;
        }

        entry.Item3.Add(new CounterPoint(Math.Round(data.TimeStampRelativeMSec / 1000, 3), value)
        {
            IntervalSeconds = interval > 0 && double.IsFinite(interval) ? interval : 1,
            IsIncrement = isIncrement,
        });
    }
}
