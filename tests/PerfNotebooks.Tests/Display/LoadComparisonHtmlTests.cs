namespace PerfNotebooks.Tests.Display;

public class LoadComparisonHtmlTests
{
    [Fact]
    public void LoadComparison_html_marks_a_faster_latency_better_in_green()
    {
        var comparison = ResultValues.Compare([10.0, 10.2, 10.4, 10.1, 10.3], [5.0, 5.2, 5.1, 5.3, 5.4]);

        var html = comparison.ToHtml();

        Assert.Contains("5 runs before vs 5 runs after", html, StringComparison.Ordinal);
        Assert.Matches("<td>p50 \\(ms\\)</td>.*?<span class=\"perfnb-good\">better \\(-", html);
        Assert.DoesNotContain("class=\"perfnb-warn\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadComparison_html_marks_a_slower_latency_worse_in_red()
    {
        var comparison = ResultValues.Compare([5.0, 5.2, 5.1, 5.3, 5.4], [10.0, 10.2, 10.4, 10.1, 10.3]);

        var html = comparison.ToHtml();

        Assert.Matches("<td>p99 \\(ms\\)</td>.*?<span class=\"perfnb-bad\">worse \\(\\+", html);
    }

    [Fact]
    public void LoadComparison_html_shows_no_significant_change_muted_and_the_too_few_runs_warning()
    {
        var comparison = ResultValues.Compare([5, 6], [5, 6]);

        var html = comparison.ToHtml();

        Assert.Contains("2 runs before vs 2 runs after", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"perfnb-warn\">⚠ too few runs", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"perfnb-muted\">no significant change</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"perfnb-good\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadComparison_html_has_one_row_per_metric_with_medians_shift_interval_and_p()
    {
        var comparison = ResultValues.Compare([10.0, 10.2, 10.4, 10.1, 10.3], [5.0, 5.2, 5.1, 5.3, 5.4]);
        var p50 = comparison["p50"];

        var html = comparison.ToHtml();

        Assert.Equal(comparison.Metrics.Count, System.Text.RegularExpressions.Regex.Matches(html, "<tr><td>").Count);
        Assert.Contains(FormattableString.Invariant($"<td class=\"perfnb-num\">{p50.BeforeMedian:#,##0.###}</td><td class=\"perfnb-num\">{p50.AfterMedian:#,##0.###}</td>"), html, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"[{p50.CiLow:#,##0.###}, {p50.CiHigh:#,##0.###}] {p50.Confidence:0%}"), html, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($">{p50.PValue:0.###}<"), html, StringComparison.Ordinal);
    }
}
