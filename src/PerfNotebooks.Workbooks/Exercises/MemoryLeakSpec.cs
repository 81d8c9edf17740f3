using System.Globalization;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>GET /search?q=...: the same results as the reference, and a heap that stops growing with distinct queries.</summary>
internal sealed class MemoryLeakSpec : ExerciseSpec
{
    private const int DistinctQueries = 1500;
    private const long GrowthBound = 1_200_000;

    private static readonly string[] Prefixes = ["a", "Ada", "gr", "Linus", "k", "Tim", "x", "Jean", "don", "s", "e", "Ma"];

    public override string Scenario => "memory-leak";

    public override IEnumerable<string> Inputs(Random random)
    {
        yield return Search("ada");
        yield return Search("ADA");      // case
        yield return Search("ada");      // the same again: from the cache
        yield return Search("a%");       // a LIKE wildcard, matched literally
        yield return Search("zzzz");     // nothing found
        yield return Search(new string('a', 200)); // the longest allowed
        for (var i = 0; i < 15; i++)
        {
            yield return Search(Prefixes[random.Next(Prefixes.Length)]) + "&n=" + random.Next(1000).ToString(CultureInfo.InvariantCulture);
        }
    }

    public override async Task<(bool Fast, string Detail)> Performance(ExerciseProbe probe, CancellationToken ct)
    {
        var before = await probe.Server.HeapAfterFullGc(ct);
        await Parallel.ForEachAsync(Enumerable.Range(0, DistinctQueries), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, token) => await probe.Get(Search("a") + "&n=" + i.ToString(CultureInfo.InvariantCulture), reference: false, token));
        var growth = await probe.Server.HeapAfterFullGc(ct) - before;
        return (growth <= GrowthBound, string.Create(CultureInfo.InvariantCulture,
            $"the heap grew {growth / 1e6:0.00} MB over {DistinctQueries:N0} distinct queries (bound {GrowthBound / 1e6:0.0} MB: a bounded cache stops growing)"));
    }

    private static string Search(string q) => "/search?q=" + Uri.EscapeDataString(q);
}
