using System.Diagnostics;
using System.Globalization;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>GET /quote?userId=...: the same quotes as the reference, and a burst that the pool does not serialize.</summary>
internal sealed class ThreadpoolStarvationSpec : ExerciseSpec
{
    private const int Burst = 64;

    public override string Scenario => "threadpool-starvation";

    public override IReadOnlySet<string> Ignored { get; } = new HashSet<string>(StringComparer.Ordinal) { "threadPoolThreads" };

    public override IEnumerable<string> Inputs(Random random)
    {
        foreach (var id in new[] { 1, 42, 5000, 5001, 999_999 })
        {
            yield return Quote(id);
        }

        for (var i = 0; i < 10; i++)
        {
            yield return Quote(random.Next(1, 5100));
        }
    }

    public override async Task<(bool Fast, string Detail)> Performance(ExerciseProbe probe, CancellationToken ct)
    {
        var theirs = await BurstTime(probe, reference: true, ct);
        var mine = await BurstTime(probe, reference: false, ct);
        var bound = Math.Max(3 * theirs, theirs + 1000);
        return (mine <= bound, string.Create(CultureInfo.InvariantCulture,
            $"{Burst} requests at once took {mine:0} ms, the reference {theirs:0} ms (bound {bound:0} ms: within 3x, or 1 s, of the reference)"));
    }

    private static async Task<double> BurstTime(ExerciseProbe probe, bool reference, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Burst).Select(i => probe.Get(Quote(1 + i), reference, ct)));
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Quote(int userId) => "/quote?userId=" + userId.ToString(CultureInfo.InvariantCulture);
}
