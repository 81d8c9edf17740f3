using System.Text.Json;
using HdrHistogram;
using PerfNotebooks.Load;
using PerfNotebooks.Tests.Display;

namespace PerfNotebooks.Tests.Load;

/// <summary>A run with no reply has no latency: it reads as absent everywhere, never as 0 ms.</summary>
[Trait("Category", "Deterministic")]
public class NoSilentZeroTests
{
    private static LoadResult TimedOutRun() => new(new LongHistogram(3_600_000_000, 3))
    {
        Url = "http://127.0.0.1:5000/hang",
        Mode = "closed",
        Connections = 2,
        Duration = TimeSpan.FromSeconds(2),
        Warmup = TimeSpan.Zero,
        Requests = 0,
        Errors = new LoadErrors(0, 0, 0, 4, new Dictionary<int, long>()),
        PerSecond = [new SecondSample(1, 0, 2, null, null, null), new SecondSample(2, 0, 2, null, null, null)],
        Environment = RunEnvironment.Current,
        Timeout = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void A_run_without_replies_has_no_latency()
    {
        var run = TimedOutRun();

        Assert.Null(run.Latency);
        Assert.Null(run.LatencyAt(99));
        Assert.Empty(run.Spectrum);
    }

    [Fact]
    public void Its_json_latency_is_null_not_zero()
    {
        using var doc = JsonDocument.Parse(TimedOutRun().ToJson());

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("latency_ms").ValueKind);
        Assert.Equal(0, doc.RootElement.GetProperty("successes").GetInt64());
        Assert.All(doc.RootElement.GetProperty("time_series").EnumerateArray(), second =>
            Assert.Equal(JsonValueKind.Null, second.GetProperty("p99_ms").ValueKind));
    }

    [Fact]
    public void Its_text_and_html_say_no_successful_requests_and_show_no_zero_latency()
    {
        var run = TimedOutRun();

        var text = run.ToString();
        var html = run.ToHtml();

        Assert.Contains("no successful requests", text, StringComparison.Ordinal);
        Assert.DoesNotContain("p50 0", text, StringComparison.Ordinal);
        Assert.Contains("no successful requests", html, StringComparison.Ordinal);
        Assert.DoesNotContain("p50 ms", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_loop_run_says_its_timeouts_are_beside_the_percentiles()
    {
        var run = ResultValues.LoadRun(Enumerable.Repeat(5.0, 100), errors: new LoadErrors(0, 0, 0, 7, new Dictionary<int, long>()));

        Assert.Contains("timeouts 7: not in the percentiles", run.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Comparing_against_a_run_without_replies_fails_instead_of_calling_it_fast()
    {
        var fine = Enumerable.Range(0, 5).Select(_ => ResultValues.SteadyRun(10)).ToList();
        var dead = Enumerable.Range(0, 5).Select(_ => TimedOutRun()).ToList();

        var error = Assert.Throws<WorkFailedException>(() => PerfNotebooks.Load.Load.Compare(fine, dead));

        Assert.Contains("after run 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("timeout 4", error.Message, StringComparison.Ordinal);
    }
}
