using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Tests.Workbooks;

public class CheckTests
{
    [Fact]
    public void Passing_checkpoint_reports_passed_without_a_hint()
    {
        var result = Check.That("p99 dropped", true, "p99 120 ms → 8 ms", "restart with the fix");

        Assert.True(result.Passed);
        Assert.StartsWith("✔ p99 dropped", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hint", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_checkpoint_says_what_is_missing_and_gives_the_hint()
    {
        var result = Check.That("fix in place", false, "server still issues 50 queries per request", "start it with fixedBug: true");

        Assert.False(result.Passed);
        Assert.Contains("50 queries", result.ToString(), StringComparison.Ordinal);
        Assert.Contains("hint: start it with fixedBug: true", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_carries_a_machine_readable_mime_type_for_graders()
    {
        var bundle = Check.That("graded", true, "ok").ToMimeBundle();

        Assert.Contains("\"checkpoint\":\"graded\"", bundle[CheckResult.MimeType], StringComparison.Ordinal);
        Assert.Contains("\"passed\":true", bundle[CheckResult.MimeType], StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_counts_the_latest_result_of_each_checkpoint()
    {
        var summary = new CheckSummary([new CheckResult("a", true, "", null), new CheckResult("b", false, "", "x")]);

        Assert.Equal(1, summary.Passed);
        Assert.StartsWith("1/2 checkpoints passed", summary.ToString(), StringComparison.Ordinal);
    }
}
