using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Display;

public class FindingHtmlTests
{
    private static readonly Finding PoolStarved = new(
        "thread-pool-starvation",
        "Thread pool starved",
        "Requests block pool threads on .Result.",
        ["queue length peaked at 412", "thread count grew by 1 per second"],
        "await the call instead of blocking on it.");

    [Fact]
    public void Finding_html_shows_title_cause_evidence_and_next_step()
    {
        var html = PoolStarved.ToHtml();

        Assert.Contains("<span class=\"perfnb-title\">Thread pool starved</span> <span class=\"perfnb-muted\">thread-pool-starvation</span>", html, StringComparison.Ordinal);
        Assert.Contains("<div>Requests block pool threads on .Result.</div>", html, StringComparison.Ordinal);
        Assert.Contains("<ul><li>queue length peaked at 412</li><li>thread count grew by 1 per second</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("next: </span>await the call instead of blocking on it.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_html_escapes_its_text()
    {
        var html = (PoolStarved with { Title = "<script>alert(1)</script>", Evidence = ["a < b & c"] }).ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<li>a &lt; b &amp; c</li>", html, StringComparison.Ordinal);
    }
}
