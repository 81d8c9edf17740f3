namespace PerfNotebooks.Servers;

/// <summary>The sample server's scenarios: one performance bug each, with its fix one switch away.</summary>
public static class SampleScenarios
{
    /// <summary>Every scenario name <see cref="SampleServer.Start"/> and `perfnb serve` accept.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["cpu-hotspot", "n-plus-one", "memory-leak", "connection-leak", "threadpool-starvation", "lock-contention", "allocation-heavy"];

    /// <summary>The endpoint that shows each scenario's bug, with an example query.</summary>
    public static IReadOnlyDictionary<string, string> TriggerPath { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cpu-hotspot"] = "/cpu-intense?limit=100000",
        ["n-plus-one"] = "/users?ids=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20",
        ["memory-leak"] = "/search?q=ada",
        ["connection-leak"] = "/orders/summary?userId=42",
        ["threadpool-starvation"] = "/quote?userId=42",
        ["lock-contention"] = "/risk-score?userId=42",
        ["allocation-heavy"] = "/export/orders.csv?rows=500",
    };

    internal static void Check(string scenario)
    {
        if (!All.Contains(scenario, StringComparer.Ordinal))
        {
            throw new BadInputException($"unknown scenario '{scenario}'; choose one of: {string.Join(", ", All)}");
        }
    }
}
