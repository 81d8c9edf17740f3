using System.Text.RegularExpressions;

namespace PerfNotebooks.Tests.Display;

public class HeapDiffHtmlTests
{
    [Fact]
    public void HeapDiff_html_lists_growing_types_largest_first_with_their_holders()
    {
        var html = ResultValues.HeapGrowth(3).ToHtml();

        Assert.Contains("over 30.0 s", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"perfnb-num\">3.00</td><td class=\"perfnb-num\">+102</td><td><code>Shop.Cache2</code></td><td><span class=\"perfnb-muted\">Shop.Registry</span></td>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Shop.Cache2", StringComparison.Ordinal) < html.IndexOf("Shop.Cache0", StringComparison.Ordinal));
    }

    [Fact]
    public void HeapDiff_html_shows_ten_types_and_counts_the_rest()
    {
        var html = ResultValues.HeapGrowth(25).ToHtml();

        Assert.Equal(10, Regex.Matches(html, "<tr><td class=\"perfnb-num\">").Count);
        Assert.Contains("… 15 more types grew", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HeapDiff_html_says_so_when_nothing_grew()
    {
        var html = ResultValues.HeapGrowth(0).ToHtml();

        Assert.Contains("no type grew", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table>", html, StringComparison.Ordinal);
    }
}
