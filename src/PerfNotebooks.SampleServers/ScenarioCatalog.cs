using PerfNotebooks.SampleServers.AllocationHeavy;
using PerfNotebooks.SampleServers.ConnectionLeak;
using PerfNotebooks.SampleServers.CpuHotspot;
using PerfNotebooks.SampleServers.LockContention;
using PerfNotebooks.SampleServers.MemoryLeak;
using PerfNotebooks.SampleServers.NPlusOne;
using PerfNotebooks.SampleServers.ThreadpoolStarvation;

namespace PerfNotebooks.SampleServers;

/// <summary>Every scenario by its command-line name, and how it adds its endpoints.</summary>
internal static class ScenarioCatalog
{
    private static readonly Dictionary<string, Action<WebApplication>> Mappers = new(StringComparer.Ordinal)
    {
        ["cpu-hotspot"] = CpuHotspotScenario.Map,
        ["n-plus-one"] = NPlusOneScenario.Map,
        ["memory-leak"] = MemoryLeakScenario.Map,
        ["connection-leak"] = ConnectionLeakScenario.Map,
        ["threadpool-starvation"] = ThreadpoolStarvationScenario.Map,
        ["lock-contention"] = LockContentionScenario.Map,
        ["allocation-heavy"] = AllocationHeavyScenario.Map,
    };

    public static IReadOnlyList<string> Names { get; } =
        ["cpu-hotspot", "n-plus-one", "memory-leak", "connection-leak", "threadpool-starvation", "lock-contention", "allocation-heavy"];

    public static void Map(string scenario, WebApplication app) => Mappers[scenario](app);
}
