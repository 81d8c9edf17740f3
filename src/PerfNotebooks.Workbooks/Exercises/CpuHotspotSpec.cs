using System.Globalization;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>GET /cpu-intense?limit=...: the same prime counts as the reference, in time of the reference's order.</summary>
internal sealed class CpuHotspotSpec : ExerciseSpec
{
    private const int Max = 1_000_000;

    public override string Scenario => "cpu-hotspot";

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>(StringComparer.Ordinal) { "durationMs", "mode" };

    public override IEnumerable<string> Inputs(Random random)
    {
        foreach (var limit in new[] { 2, 3, 4, 9, 10, 25, 100, 7919, 999_983, Max })
        {
            yield return Primes(limit);
        }

        for (var i = 0; i < 20; i++)
        {
            yield return Primes(random.Next(2, 200_000));
        }
    }

    public override async Task<(bool Fast, string Detail)> Performance(ExerciseProbe probe, CancellationToken ct)
    {
        // Alternating, so a busy neighbour slows both sides alike; the server's own timing excludes HTTP.
        var yours = new List<double>();
        var reference = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            reference.Add(Duration(await probe.Get(Primes(Max), reference: true, ct)));
            yours.Add(Duration(await probe.Get(Primes(Max), reference: false, ct)));
        }

        var (mine, theirs) = (Median(yours), Median(reference));
        var bound = Math.Max(5 * theirs, theirs + 30);
        return (mine <= bound, string.Create(CultureInfo.InvariantCulture,
            $"median {mine:0.#} ms for limit={Max:N0}, reference {theirs:0.#} ms (bound {bound:0.#} ms: within 5x, or 30 ms, of the reference)"));
    }

    private static string Primes(int limit) => "/cpu-intense?limit=" + limit.ToString(CultureInfo.InvariantCulture);

    private static double Duration(ProbeAnswer answer) =>
        System.Text.Json.JsonDocument.Parse(answer.Body).RootElement.TryGetProperty("durationMs", out var ms) ? ms.GetDouble() : answer.Elapsed.TotalMilliseconds;

    internal static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }
}
