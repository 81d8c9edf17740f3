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
}
