using PerfNotebooks.Servers;

namespace PerfNotebooks.Workbooks.Interviews;

/// <summary>
/// What the library's profiles of an interview server show instead of words that name its scenario: frames and files
/// would otherwise say it (…NPlusOne.NPlusOneScenario… in C#, main.serveCPUHotspot and cpuhotspot.go in Go,
/// scenarios/n-plus-one.js in Node). The exercise files' usual names become the interview's (service.go).
/// </summary>
internal static class InterviewProfileWords
{
    /// <summary>Longest first, so a file name goes before the words inside it.</summary>
    public static IReadOnlyList<(string Real, string Shown)> All { get; } = Build();

    private static List<(string Real, string Shown)> Build()
    {
        var words = new List<(string Real, string Shown)>
        {
            ("primes.go", "service.go"),
            ("userswithorders.go", "service.go"),
            ("CPUHotspot", "Service"), // Go's initialism
        };
        foreach (var scenario in ScenarioNames.All)
        {
            var parts = scenario.Split('-');
            words.Add((string.Concat(parts.Select(w => char.ToUpperInvariant(w[0]) + w[1..])), "Service")); // C#: NPlusOne
            words.Add((string.Concat(parts), "service"));                                                    // Go files: nplusone.go
            words.Add((scenario, "service"));                                                                // Node files: n-plus-one.js
        }

        return [.. words.OrderByDescending(w => w.Real.Length)];
    }
}
