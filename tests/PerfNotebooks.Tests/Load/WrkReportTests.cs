using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Tests.Load;

/// <summary>wrk reports recorded from wrk 4.1.0 against small loopback servers (Fixtures/wrk).</summary>
[Trait("Category", "Deterministic")]
public class WrkReportTests
{
    private const string Version = "wrk debian/4.1.0-3+b2 [epoll] Copyright (C) 2012 Will Glozer";

    private static WrkRun Read(string name, double timeoutSeconds = 1) =>
        WrkRun.Read(Version, File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "PerfNotebooks.Tests", "Fixtures", "wrk", name)), "http://127.0.0.1/", TimeSpan.FromSeconds(timeoutSeconds));

    [Fact]
    public void A_run_with_no_reply_reads_as_at_least_the_run_not_zero()
    {
        // The server accepted and never answered: wrk prints 0.00us percentiles and "0 requests".
        var run = Read("no-reply.txt");

        Assert.True(run.P99AtLeast && run.P50AtLeast);
        Assert.Equal(2030, run.P99Ms, precision: 0);
        Assert.Contains("p99 ≥ 2030 ms", run.ToString(), StringComparison.Ordinal);
        Assert.Contains("no reply in the whole run", run.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replies_after_the_timeout_make_the_percentiles_at_least_the_timeout()
    {
        // Every reply came after 1.5 s with a 1 s timeout: wrk counts 8 requests, 8 timeouts, and 0 us percentiles.
        var run = Read("late-replies.txt");

        Assert.Equal(8, run.Timeouts);
        Assert.True(run.P99AtLeast);
        Assert.Equal(1000, run.P99Ms);
        Assert.Equal(1000, run.P50Ms);
    }

    [Fact]
    public void Socket_errors_and_non_2xx_replies_are_counted_by_kind()
    {
        var run = Read("read-errors.txt");

        Assert.Equal(1247, run.ReadErrors);
        Assert.Equal(623, run.Non2xx);
        Assert.Equal(1247 + 623, run.Errors);
        Assert.False(run.P99AtLeast);
        Assert.Equal(7.44, run.P99Ms, precision: 2);
    }

    [Fact]
    public void A_run_without_timeouts_keeps_wrks_percentiles()
    {
        var run = Read("half-hang.txt");

        Assert.Equal(24, run.Requests);
        Assert.Equal(516.3, run.P99Ms, precision: 1);
        Assert.False(run.P99AtLeast);
    }

    [Fact]
    public void A_refused_connection_is_a_failed_measurement_naming_the_url()
    {
        var error = Assert.Throws<WorkFailedException>(() => Read("refused.txt"));

        Assert.Contains("could not connect to http://127.0.0.1/", error.Message, StringComparison.Ordinal);
    }
}
