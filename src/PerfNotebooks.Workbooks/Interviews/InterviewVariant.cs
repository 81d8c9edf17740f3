using System.Globalization;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Workbooks.Interviews;

/// <summary>
/// What one seed serves: a scenario with its bug, or a healthy server (a scenario's reference fix as its file); the
/// endpoint at a path that names no scenario, and the trigger's parameters and the database latency varied.
/// </summary>
internal sealed record InterviewVariant(string Scenario, bool Healthy, string Path, string TriggerPathAndQuery, TimeSpan DbLatency)
{
    /// <summary>The diagnosis for a healthy server.</summary>
    public const string NoBug = "none";

    /// <summary>The scenarios an interview on the .NET servers draws from: every one the exercise checker grades.</summary>
    public static IReadOnlyList<string> Scenarios { get; } =
        ["cpu-hotspot", "n-plus-one", "memory-leak", "connection-leak", "threadpool-starvation", "lock-contention", "allocation-heavy"];

    /// <summary>What an interview on <paramref name="runtime"/>'s server draws from: its scenarios (Go: cpu-hotspot, n-plus-one; Node: memory-leak too).</summary>
    public static IReadOnlyList<string> ScenariosOn(string runtime) => runtime == SampleRuntimes.Dotnet
        ? Scenarios
        : [.. Scenarios.Where(s => SampleRuntimes.Scenarios[runtime].Contains(s))];

    // Nouns no scenario's usual path uses (cpu-intense, users, search, orders/summary, quote, risk-score, export).
    private static readonly string[] Nouns =
        ["ledger", "inventory", "shipments", "invoices", "tickets", "bookings", "catalog", "records", "entries", "assets", "parcels", "rosters"];

    private static readonly string[] SearchPrefixes = ["ada", "gra", "lin", "bar", "ken", "mar", "den", "ra"];

    /// <summary>The right answer: the scenario, or "none" for a healthy server.</summary>
    public string Answer => Healthy ? NoBug : Scenario;

    /// <summary>The same seed (on the same runtime) always gives the same variant; one in eight is healthy on .NET, one in three on Go, one in four on Node.</summary>
    public static InterviewVariant For(int seed, string runtime = SampleRuntimes.Dotnet)
    {
        var scenarios = ScenariosOn(runtime);
        var random = new Random(seed);
        var pick = random.Next(scenarios.Count + 1);
        var healthy = pick == scenarios.Count;
        var scenario = healthy ? scenarios[random.Next(scenarios.Count)] : scenarios[pick];
        var path = FormattableString.Invariant($"/api/v{random.Next(1, 4)}/{Nouns[random.Next(Nouns.Length)]}");
        var query = scenario switch
        {
            "cpu-hotspot" => "limit=" + Text(random.Next(60_000, 200_001)),
            "n-plus-one" => Ids(random),
            "memory-leak" => "q=" + SearchPrefixes[random.Next(SearchPrefixes.Length)],
            "allocation-heavy" => "rows=" + Text(random.Next(400, 2001)),
            _ => "userId=" + Text(random.Next(1, 4001)),
        };
        return new InterviewVariant(scenario, healthy, path, path + "?" + query, TimeSpan.FromMilliseconds(random.Next(1, 3)));
    }

    private static string Ids(Random random)
    {
        var first = random.Next(1, 4000);
        return "ids=" + string.Join(',', Enumerable.Range(first, random.Next(12, 41)).Select(Text));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
