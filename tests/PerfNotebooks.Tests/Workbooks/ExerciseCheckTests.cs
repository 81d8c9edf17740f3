using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Workbooks.Exercises;

namespace PerfNotebooks.Tests.Workbooks;

/// <summary>
/// The checker against each scenario's original code, a fast but wrong fix, and two different correct fixes, on live
/// servers. One server per scenario; each check starts its own reference server.
/// </summary>
public class ExerciseCheckTests
{
    [Fact]
    public async Task N_plus_one_original_answers_like_the_reference_but_fails_the_query_budget()
    {
        await using var server = await SampleServer.Start("n-plus-one");

        var verdict = await ExerciseCheck.Run(server, seed: 1);

        Assert.True(verdict.Equivalent, verdict.FirstDifference);
        Assert.False(verdict.FastEnough, verdict.Performance);
        Assert.Contains("2000 for 1000 ids", verdict.Performance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task N_plus_one_fast_but_wrong_fix_fails_with_the_first_difference()
    {
        await using var server = await SampleServer.Start("n-plus-one");
        await server.Serve(LearnerCode.Read("n-plus-one.inner-join.cs"));

        var verdict = await ExerciseCheck.Run(server, seed: 1);

        Assert.False(verdict.Passed);
        Assert.True(verdict.FastEnough, verdict.Performance);
        Assert.StartsWith("GET /users?ids=", verdict.FirstDifference, StringComparison.Ordinal);
        Assert.Contains("items in yours", verdict.FirstDifference, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n-plus-one.in-per-table.cs")]
    [InlineData("n-plus-one.left-join.cs")]
    public async Task N_plus_one_correct_fixes_pass(string fix)
    {
        await using var server = await SampleServer.Start("n-plus-one");
        await server.Serve(LearnerCode.Read(fix));

        var verdict = await ExerciseCheck.Run(server);

        Assert.True(verdict.Passed, verdict.ToString());
        Assert.True(verdict.InputsCompared >= 30);
    }

    [Fact]
    public async Task Connection_leak_original_fails_the_pool_check()
    {
        await using var server = await SampleServer.Start("connection-leak");

        var verdict = await ExerciseCheck.Run(server, seed: 1);

        Assert.False(verdict.Passed);
        Assert.False(verdict.FastEnough, verdict.Performance);
    }

    [Fact]
    public async Task Connection_leak_fast_but_wrong_fix_fails_with_the_first_difference()
    {
        await using var server = await SampleServer.Start("connection-leak");
        await server.Serve(LearnerCode.Read("connection-leak.empty-summary.cs"));

        var verdict = await ExerciseCheck.Run(server, seed: 1);

        Assert.True(verdict.FastEnough, verdict.Performance);
        Assert.Equal("GET /orders/summary?userId=5001: status 200 from yours, 404 from the reference", verdict.FirstDifference);
    }

    [Fact]
    public async Task Connection_leak_correct_fixes_pass()
    {
        await using var server = await SampleServer.Start("connection-leak");
        await server.Serve(LearnerCode.Read("connection-leak.try-finally.cs"));
        var tryFinally = await ExerciseCheck.Run(server);
        await server.Fix();
        var awaitUsing = await ExerciseCheck.Run(server);

        Assert.True(tryFinally.Passed, tryFinally.ToString());
        Assert.True(awaitUsing.Passed, awaitUsing.ToString());
    }

    /// <summary>Each scenario: a correct fix of the learner's own, and a fast but wrong one made from the reference.</summary>
    public static TheoryData<string, string, string, string> OtherScenarios => new()
    {
        { "cpu-hotspot", "cpu-hotspot.plain-sieve.cs", "var primes = 1; // 2", "var primes = 0;" },
        { "memory-leak", "memory-leak.clear-when-full.cs", "if (Cache.TryGetValue(query,", "query = query.ToLowerInvariant(); if (Cache.TryGetValue(query," },
        { "threadpool-starvation", "threadpool-starvation.await-compute.cs", "Math.Min(orders, 20)", "Math.Min(orders, 10)" },
        { "lock-contention", "lock-contention.lock-the-tally.cs", "& 0xFFFF", "& 0xFFF" },
        { "allocation-heavy", "allocation-heavy.string-builder.cs", ":0.00}", ":0.0}" },
    };

    [Theory]
    [MemberData(nameof(OtherScenarios))]
    public async Task Original_fails_the_performance_bar_a_wrong_fix_fails_with_a_diff_and_two_correct_fixes_pass(string scenario, string learnerFix, string find, string wrong)
    {
        await using var server = await SampleServer.Start(scenario);
        var original = await ExerciseCheck.Run(server, seed: 1);
        await server.Serve(LearnerCode.Read(learnerFix));
        var theirs = await ExerciseCheck.Run(server, seed: 2);
        await server.Fix();
        var reference = await ExerciseCheck.Run(server, seed: 3);
        var referenceSource = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "instructor", "fixes", scenario + ".cs"));
        Assert.Contains(find, referenceSource, StringComparison.Ordinal);
        await server.Serve(referenceSource.Replace(find, wrong, StringComparison.Ordinal));
        var broken = await ExerciseCheck.Run(server, seed: 4);

        Assert.False(original.FastEnough, original.ToString());
        Assert.True(theirs.Passed, theirs.ToString());
        Assert.True(reference.Passed, reference.ToString());
        Assert.False(broken.Equivalent, broken.ToString());
        Assert.StartsWith("GET /", broken.FirstDifference, StringComparison.Ordinal);
    }
}
