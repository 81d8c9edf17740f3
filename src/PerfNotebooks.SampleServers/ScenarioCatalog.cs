using PerfNotebooks.SampleServers.AllocationHeavy;
using PerfNotebooks.SampleServers.ConnectionLeak;
using PerfNotebooks.SampleServers.CpuHotspot;
using PerfNotebooks.SampleServers.Exercises;
using PerfNotebooks.SampleServers.LockContention;
using PerfNotebooks.SampleServers.MemoryLeak;
using PerfNotebooks.SampleServers.NPlusOne;
using PerfNotebooks.SampleServers.ThreadpoolStarvation;

namespace PerfNotebooks.SampleServers;

/// <summary>Every scenario by its command-line name: its exercise file, and how it adds its endpoints.</summary>
internal static class ScenarioCatalog
{
    private static readonly Dictionary<string, (Func<Exercise> Exercise, Action<RouteGroupBuilder, Exercise, string> Map)> Scenarios = new(StringComparer.Ordinal)
    {
        ["cpu-hotspot"] = (CpuHotspotScenario.Exercise, CpuHotspotScenario.Map),
        ["n-plus-one"] = (NPlusOneScenario.Exercise, NPlusOneScenario.Map),
        ["memory-leak"] = (MemoryLeakScenario.Exercise, MemoryLeakScenario.Map),
        ["connection-leak"] = (ConnectionLeakScenario.Exercise, ConnectionLeakScenario.Map),
        ["threadpool-starvation"] = (ThreadpoolStarvationScenario.Exercise, ThreadpoolStarvationScenario.Map),
        ["lock-contention"] = (LockContentionScenario.Exercise, LockContentionScenario.Map),
        ["allocation-heavy"] = (AllocationHeavyScenario.Exercise, AllocationHeavyScenario.Map),
    };

    /// <summary>The shared list (PerfNotebooks.Contracts), which the library offers learners too.</summary>
    public static IReadOnlyList<string> Names => PerfNotebooks.Servers.ScenarioNames.All;

    public static Exercise Exercise(string scenario) => Scenarios[scenario].Exercise();

    /// <summary>
    /// Maps the scenario's endpoint behind <see cref="LearnerExceptions"/> (a replaced exercise's exception is a 500 naming
    /// it), at its usual path (ScenarioNames.TriggerPath) or, in interview mode, at <paramref name="path"/> only.
    /// </summary>
    public static void Map(Exercise exercise, WebApplication app, string? path = null) =>
        Scenarios[exercise.Scenario].Map(
            app.MapGroup("").AddEndpointFilter(LearnerExceptions.Filter),
            exercise,
            path ?? PerfNotebooks.Servers.ScenarioNames.TriggerPath[exercise.Scenario].Split('?')[0]);
}
