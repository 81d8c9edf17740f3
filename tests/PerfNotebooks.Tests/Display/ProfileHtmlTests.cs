using System.Net;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Tests.Display;

public class ProfileHtmlTests
{
    [Fact]
    public void Profile_html_shows_the_summary_and_the_hotspot()
    {
        var html = WebUtility.HtmlDecode(ResultValues.Profile().ToHtml());

        Assert.Contains("pid 42 · 1.0 s", html, StringComparison.Ordinal);
        Assert.Contains("300 CPU samples · 1 waiting samples", html, StringComparison.Ordinal);
        Assert.Contains("hotspot <code>Shop.Prices.Recalculate</code> self 100.0% · total 100.0%", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_html_lists_each_finding_with_its_cause_evidence_and_next_step()
    {
        var profile = ResultValues.Profile();
        var finding = Assert.Single(profile.Findings);

        var html = profile.ToHtml();

        Assert.Contains("⚑ " + finding.Title, html, StringComparison.Ordinal);
        Assert.Contains(finding.Cause, html, StringComparison.Ordinal);
        Assert.All(finding.Evidence, e => Assert.Contains("<li>" + e + "</li>", html, StringComparison.Ordinal));
        Assert.Contains(finding.NextStep, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_html_highlights_a_partial_profile()
    {
        var html = ResultValues.Profile(partialReason: "the target exited after 0.4 s").ToHtml();

        Assert.Contains("<div class=\"perfnb-warn\">⚠ partial profile: the target exited after 0.4 s</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_html_lists_the_top_ten_methods_and_counts_the_rest()
    {
        var profile = ResultValues.Profile(otherMethods: 40);

        var html = profile.ToHtml();

        Assert.Equal(10, Regex.Matches(html, "<tr><td class=\"perfnb-num\">").Count);
        Assert.Contains($"… {profile.Methods.Count - 10} more methods", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_html_stays_small_however_many_methods_were_sampled()
    {
        var small = ResultValues.Profile(otherMethods: 20).ToHtml();
        var large = ResultValues.Profile(otherMethods: 5000).ToHtml();

        Assert.InRange(large.Length, 0, small.Length + 100);
    }

    [Fact]
    public void Profile_html_points_to_the_flame_graph()
    {
        var html = ResultValues.Profile().ToHtml();

        Assert.Contains("<code>profile.ToFlameGraph()</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_html_escapes_method_names()
    {
        var html = ResultValues.Profile(hotMethod: "Shop.<script>alert(1)</script>").ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<code>Shop.&lt;script&gt;alert(1)&lt;/script&gt;</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_html_includes_heap_growth_when_the_profiler_diffed_the_heap()
    {
        var source = ResultValues.Profile();
        var profile = new PerfNotebooks.Profiling.Profile(source.Pid, source.DurationSeconds, source.Cpu, source.Waiting, [], 0, null, string.Empty, ResultValues.HeapGrowth(3));

        var html = profile.ToHtml();

        Assert.Contains("Heap growth over 30.0 s", html, StringComparison.Ordinal);
        Assert.Contains("<code>Shop.Cache2</code>", html, StringComparison.Ordinal);
    }
}
