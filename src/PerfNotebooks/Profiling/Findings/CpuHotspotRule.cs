using System.Globalization;

namespace PerfNotebooks.Profiling;

/// <summary>A CPU-bound hot loop: one app method holds a large share of a busy process's CPU samples.</summary>
public sealed class CpuHotspotRule : IFindingRule
{
    public string Name => "cpu-hotspot";

    public Finding? Check(Profile profile)
    {
        // Busy = the process used at least a fifth of a core, or app threads were seen running managed code at a
        // steady rate (a loaded machine starves the target of CPU time, but its threads still sample as running).
        // cpu-usage is a percentage of all the target's cores: scaled by the count its trace reports, not ours (a
        // container or an affinity mask can give it fewer).
        var busy = profile.Counter("cpu-usage")?.MeanAfterFirst;
        var cores = busy is { } percent && profile.TargetCores is { } n ? percent * n / 100 : (double?)null;
        var samplesPerSecond = profile.Samples / Math.Max(0.001, profile.DurationSeconds);
        var busyEnough = cores is { } used ? used >= 0.2 : busy is { } share && share >= 20;
        if (profile.Hotspot is not { } hot || hot.TotalPct < 30 || profile.Samples < 100 || (!busyEnough && samplesPerSecond < 250))
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var evidence = new List<string>
        {
            string.Create(c, $"{hot.Name} is on {hot.TotalPct:F1}% of CPU samples ({hot.SelfPct:F1}% in its own code)"),
        };
        if (busy is { } cpu)
        {
            evidence.Add(cores is { } used2
                ? string.Create(c, $"process CPU averaged {cpu:F0}% of its machine ({used2:F1} of {profile.TargetCores} cores)")
                : string.Create(c, $"process CPU averaged {cpu:F0}% of its machine"));
        }

        evidence.AddRange(hot.Underneath.Select(u => string.Create(c, $"underneath: {u.Name} {u.TotalPct:F1}%")));
        return new Finding(
            Name, $"CPU-bound hot spot in {hot.Name}",
            $"{hot.Name} burns most of the CPU; an algorithm or loop there costs more than it should.",
            evidence,
            $"read {hot.Name} (and what it calls underneath) for repeated work: a cheaper algorithm, caching a result, or moving the work off the request path.");
    }
}
