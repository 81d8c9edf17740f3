namespace PerfNotebooks.Servers;

/// <summary>The sample server's scenarios: one performance bug each, with its fix one switch away.</summary>
public static class SampleScenarios
{
    /// <summary>Every scenario name <see cref="SampleServer.Start"/> and `perfnb serve` accept.</summary>
    public static IReadOnlyList<string> All => ScenarioNames.All;

    /// <summary>The endpoint that shows each scenario's bug, with an example query.</summary>
    public static IReadOnlyDictionary<string, string> TriggerPath => ScenarioNames.TriggerPath;

    internal static void Check(string scenario)
    {
        if (!All.Contains(scenario, StringComparer.Ordinal))
        {
            throw new BadInputException($"unknown scenario '{scenario}'; choose one of: {string.Join(", ", All)}");
        }
    }
}
