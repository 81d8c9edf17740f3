using PerfNotebooks.Profiling;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>
/// Profiles of real target processes, taken once per mode and shared by the tests that read them
/// (each session costs seconds of a shared 2-core machine).
/// </summary>
public static class ProfiledTargets
{
    private static readonly Dictionary<string, Lazy<Task<Profile>>> Profiles = [];

    public static Task<Profile> Of(string mode)
    {
        lock (Profiles)
        {
            if (!Profiles.TryGetValue(mode, out var profile))
            {
                profile = new Lazy<Task<Profile>>(() => Take(mode));
                Profiles[mode] = profile;
            }

            return profile.Value;
        }
    }

    private static async Task<Profile> Take(string mode)
    {
        using var target = await ProfilingTarget.Start(mode);
        // Let the workload reach its steady state (pool growth, heap growth) before sampling.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var profiler = Profiler.Attach(target);
        if (mode == "leak")
        {
            profiler.WithHeapDiff();
        }

        return await profiler.Sample(TimeSpan.FromSeconds(4));
    }
}
