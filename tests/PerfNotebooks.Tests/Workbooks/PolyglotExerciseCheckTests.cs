using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Workbooks.Exercises;

namespace PerfNotebooks.Tests.Workbooks;

/// <summary>
/// The checker against the Go and Node servers' exercise files: the original fails the performance bar, a learner's
/// correct fix and the reference pass, a fast but wrong fix fails with the first difference. Live servers, one per case.
/// </summary>
public class PolyglotExerciseCheckTests
{
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        { "node", "n-plus-one", "n-plus-one.in-per-table.js", "LEFT JOIN", "JOIN" },
        { "node", "cpu-hotspot", "cpu-hotspot.plain-sieve.js", "let primes = 1; // 2", "let primes = 0;" },
        { "node", "memory-leak", "memory-leak.clear-when-full.js", "ORDER BY u.id LIMIT 20", "ORDER BY u.name LIMIT 20" },
        { "go", "n-plus-one", "n-plus-one.in-per-table.go", "LEFT JOIN", "JOIN" },
        { "go", "cpu-hotspot", "cpu-hotspot.plain-sieve.go", "primes := 1 // 2", "primes := 0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Original_fails_the_bar_a_learner_fix_and_the_reference_pass_and_a_fast_wrong_fix_fails_with_a_diff(
        string runtime, string scenario, string learnerFix, string find, string wrong)
    {
        await using var server = await SampleServer.Start(scenario, runtime: runtime);
        var original = await ExerciseCheck.Run(server, seed: 1);
        await server.Serve(LearnerCode.Read(learnerFix));
        var theirs = await ExerciseCheck.Run(server, seed: 2);
        await server.Fix();
        var reference = await ExerciseCheck.Run(server, seed: 3);
        var referenceSource = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "instructor", "fixes", scenario + Path.GetExtension(learnerFix)));
        Assert.Contains(find, referenceSource, StringComparison.Ordinal);
        await server.Serve(referenceSource.Replace(find, wrong, StringComparison.Ordinal));
        var broken = await ExerciseCheck.Run(server, seed: 4);

        Assert.True(original.Equivalent, original.ToString());
        Assert.False(original.FastEnough, original.ToString());
        Assert.True(theirs.Passed, theirs.ToString());
        Assert.True(reference.Passed, reference.ToString());
        Assert.True(broken.FastEnough, broken.ToString());
        Assert.False(broken.Equivalent, broken.ToString());
        Assert.StartsWith("GET /", broken.FirstDifference, StringComparison.Ordinal);
    }
}
