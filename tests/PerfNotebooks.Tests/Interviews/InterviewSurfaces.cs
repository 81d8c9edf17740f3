using System.Collections;
using PerfNotebooks.Profiling;
using PerfNotebooks.Servers;
using PerfNotebooks.Workbooks.Interviews;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Tests.Interviews;

/// <summary>
/// Every place a candidate could read which scenario a server runs, read off a live server: its process (name, command
/// line, the environment its launcher gave it), its output (ready line and logs), its endpoints (/health,
/// /debug/stats, /admin/mode, /admin/exercise with the file's name and text, the slow endpoint's response headers,
/// /metrics) and what the interview shows in a notebook (its display, its clock, the code's display).
/// </summary>
internal static class InterviewSurfaces
{
    /// <summary>The usual exercise file of each scenario, as an ordinary server names it (.NET, Go, Node), and the Go server's scenario files.</summary>
    private static readonly string[] UsualFiles =
        ["PrimeCount.cs", "UsersWithOrders.cs", "SearchResults.cs", "OrderSummaries.cs", "PriceQuotes.cs", "RiskScores.cs", "OrdersCsv.cs",
         "primes.go", "userswithorders.go", "cpuhotspot.go", "nplusone.go", "cpu-hotspot.js", "n-plus-one.js"];

    /// <summary>What a profile must not show: the usual files and paths (its findings name causes, so not the scenario names).</summary>
    private static readonly string[] RevealingInProfiles =
        [.. UsualFiles, .. ScenarioNames.TriggerPath.Values.Select(p => p.Split('?')[0])];

    /// <summary>What would reveal a scenario: its name (as written in the CLI and in C#), its usual path, its usual file, and whether the code is the fix.</summary>
    public static IReadOnlyList<string> Revealing { get; } =
    [
        .. ScenarioNames.All,
        .. ScenarioNames.TriggerPath.Values.Select(p => p.Split('?')[0]),
        .. UsualFiles,
        "mode=fixed", "mode=buggy", "\"mode\":\"fixed\"", "\"mode\":\"buggy\"",
        "X-Allocated-Bytes", // one scenario's own header
    ];

    public static async Task<Dictionary<string, string>> Read(SampleServer server, Interview? interview = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        var surfaces = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["process name"] = await File.ReadAllTextAsync($"/proc/{server.Pid}/comm"),
            ["command line"] = (await File.ReadAllTextAsync($"/proc/{server.Pid}/cmdline")).Replace('\0', ' '),
            ["environment given by the launcher"] = LauncherEnvironment(server.Pid),
        };
        foreach (var path in new[] { "/health", "/debug/stats", "/admin/mode", "/admin/exercise" })
        {
            surfaces[path] = await Get(http, server.UrlFor(path));
        }

        surfaces["slow endpoint's response headers"] = await Get(http, server.TriggerUrl, headersOnly: true);
        surfaces["/metrics"] = await Get(http, server.UrlFor("/metrics"));
        surfaces["ready line and server logs"] = string.Join('\n', server.RecentOutput);
        surfaces["exercise file name"] = server.ExerciseFile;
        surfaces["code display"] = server.Code.ToString() + server.Code.ToHtml();
        if (interview is not null)
        {
            surfaces["interview display"] = interview.ToHtml() + interview;
            surfaces["clock display"] = interview.Clock.ToHtml() + interview.Clock;
        }

        return surfaces;
    }

    /// <summary>
    /// What a candidate's own profile of the server shows under load (its table, JSON and HTML: frames, hot path, hot
    /// lines and their files). Taken after the submission, so it is never counted as the candidate's evidence.
    /// </summary>
    public static async Task<string> Profiled(SampleServer server)
    {
        var sampling = Profiler.Attach(server.Pid).Sample(TimeSpan.FromSeconds(3));
        await LoadRunner.Run(server.TriggerUrl.ToString(), connections: 4, duration: TimeSpan.FromSeconds(3), warmup: TimeSpan.Zero);
        var profile = await sampling;
        return profile.ToTable(50) + profile.ToJson() + profile.ToHtml();
    }

    /// <summary>The scenario names as C# writes them (namespaces, classes: NPlusOne, CpuHotspot), matched with their case: every server's /debug/stats counts "lockContentions".</summary>
    public static IReadOnlyList<string> RevealingInCode { get; } =
        [.. ScenarioNames.All.Select(s => string.Concat(s.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))), "CPUHotspot"];

    /// <summary>The surface of the candidate's own profile: its findings name the causes they detect (that is the evidence), so only code names and file names count there.</summary>
    public const string Profile = "candidate's profile";

    /// <summary>"surface: word" for every revealing word found on any surface.</summary>
    public static List<string> Leaks(IReadOnlyDictionary<string, string> surfaces) =>
    [
        .. from s in surfaces from word in s.Key == Profile ? RevealingInProfiles : Revealing where s.Value.Contains(word, StringComparison.OrdinalIgnoreCase) select $"{s.Key}: {word}",
        .. from s in surfaces from word in RevealingInCode where s.Value.Contains(word, StringComparison.Ordinal) select $"{s.Key}: {word}",
    ];

    private static async Task<string> Get(HttpClient http, Uri url, bool headersOnly = false)
    {
        using var response = await http.GetAsync(url);
        var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(',', h.Value)}"));
        return headersOnly ? headers : headers + "\n" + await response.Content.ReadAsStringAsync();
    }

    // What the launcher added: variables this test process does not have itself (inherited ones say nothing of the server).
    private static string LauncherEnvironment(int pid)
    {
        var ours = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}").ToHashSet(StringComparer.Ordinal);
        return string.Join('\n', File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(v => !ours.Contains(v)));
    }
}
