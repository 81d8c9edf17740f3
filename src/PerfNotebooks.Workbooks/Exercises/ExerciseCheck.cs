using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>
/// Checks the code a sample server serves against the instructor's reference fix, which the same server keeps beside
/// it (same data, same process): the same answers on edge and randomized inputs (the first difference reported as a
/// diff), and the scenario's performance bar.
/// <code>
/// var verdict = await ExerciseCheck.Run(server);   // after server.Serve(yourCode)
/// </code>
/// </summary>
public static class ExerciseCheck
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(180) };

    /// <param name="server">The server serving the code to check.</param>
    /// <param name="seed">The randomized inputs' seed; a verdict names its seed, so a difference can be replayed.</param>
    /// <param name="ct">Cancels the check.</param>
    public static async Task<ExerciseVerdict> Run(SampleServer server, int? seed = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var spec = ExerciseSpec.For(server.Scenario);
        var clock = Stopwatch.StartNew();
        var chosen = seed ?? Random.Shared.Next(1, 1_000_000);
        await server.KeepReference(ct);
        var probe = new ExerciseProbe(server, Http);
        var compared = 0;
        string? difference = null;
        foreach (var input in spec.Inputs(new Random(chosen)))
        {
            compared++;
            var expected = await probe.Get(input, reference: true, ct);
            var actual = await probe.Get(input, reference: false, ct);
            difference = Difference(input, expected, actual, spec.Ignored);
            if (difference is not null)
            {
                break;
            }
        }

        var (fast, detail) = await spec.Performance(probe, ct);
        return new ExerciseVerdict(server.Scenario, compared, chosen, difference, fast, detail, clock.Elapsed);
    }

    private static string? Difference(string input, ProbeAnswer expected, ProbeAnswer actual, IReadOnlySet<string> ignored)
    {
        var request = "GET " + (input.Length <= 100 ? input : input[..97] + "...");
        if (expected.Status != actual.Status)
        {
            return $"{request}: status {actual.Status} from yours, {expected.Status} from the reference" + (actual.Status >= 500 ? $" ({Shorten(actual.Body)})" : "");
        }

        if (!LooksLikeJson(expected.Body))
        {
            return expected.Body == actual.Body ? null : $"{request}: {FirstDifferentLine(expected.Body, actual.Body)}";
        }

        JsonNode? yours;
        try
        {
            yours = JsonNode.Parse(actual.Body);
        }
        catch (JsonException)
        {
            return $"{request}: yours is not JSON: {Shorten(actual.Body)}";
        }

        return JsonDiff.First(JsonNode.Parse(expected.Body), yours, ignored) is { } diff ? $"{request}: {diff}" : null;
    }

    private static bool LooksLikeJson(string body) => body.TrimStart() is ['{' or '[', ..];

    /// <summary>For a text answer (CSV): the first line that differs, both versions, so the learner sees which row.</summary>
    private static string FirstDifferentLine(string expected, string actual)
    {
        var (want, got) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            var (w, g) = (i < want.Length ? want[i] : null, i < got.Length ? got[i] : null);
            if (w != g)
            {
                return $"line {i + 1}: yours {(g is null ? "has no such line" : $"'{Shorten(g)}'")}, the reference {(w is null ? "has no such line" : $"'{Shorten(w)}'")}";
            }
        }

        return "the bytes differ (line endings or encoding)";
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..297] + "...";
}
