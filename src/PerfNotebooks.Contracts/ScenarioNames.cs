namespace PerfNotebooks.Servers;

/// <summary>
/// The scenarios every runtime's sample server serves, by the name the command line, notebooks and the server
/// itself use, with the endpoint that shows each one's bug. The one list: the library and the servers read it here.
/// </summary>
internal static class ScenarioNames
{
    public static IReadOnlyList<string> All { get; } =
        ["cpu-hotspot", "n-plus-one", "memory-leak", "connection-leak", "threadpool-starvation", "lock-contention", "allocation-heavy"];

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
}
