namespace PerfNotebooks.Servers;

/// <summary>
/// The languages the sample servers are written in, and the scenarios each serves: ASP.NET serves them all;
/// the Go and Node servers serve the seed's own bugs (its Go primes endpoint, its Node N+1) and Node's heap leak,
/// each with an exercise file a learner rewrites.
/// </summary>
public static class SampleRuntimes
{
    public const string Dotnet = "dotnet";
    public const string Go = "go";
    public const string Node = "node";

    /// <summary>Every runtime name <see cref="SampleServer.Start"/> and `perfnb serve --runtime` accept.</summary>
    public static IReadOnlyList<string> All { get; } = [Dotnet, Go, Node];

    /// <summary>The scenarios each runtime's server serves.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Scenarios { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Dotnet] = SampleScenarios.All,
        [Go] = ["cpu-hotspot", "n-plus-one"],
        [Node] = ["cpu-hotspot", "n-plus-one", "memory-leak"],
    };

    /// <summary>The runtime's canonical name (none: dotnet); an unknown one is bad input naming those that exist.</summary>
    internal static string Check(string? runtime)
    {
        var name = string.IsNullOrWhiteSpace(runtime) ? Dotnet : runtime.Trim().ToLowerInvariant();
        return Scenarios.ContainsKey(name) ? name : throw new BadInputException($"unknown runtime '{runtime}'; choose one of: {string.Join(", ", All)}");
    }

    /// <summary>The runtime's canonical name; a bad runtime or a scenario it does not serve is bad input naming what exists.</summary>
    internal static string Check(string? runtime, string scenario)
    {
        var name = Check(runtime);
        var served = Scenarios[name];
        SampleScenarios.Check(scenario);
        if (!served.Contains(scenario, StringComparer.Ordinal))
        {
            var others = All.Where(r => Scenarios[r].Contains(scenario, StringComparer.Ordinal));
            throw new BadInputException(
                $"the {name} sample server has no '{scenario}' scenario; {name} serves: {string.Join(", ", served)} "
                + $"('{scenario}' runs on: {string.Join(", ", others)})");
        }

        return name;
    }
}
