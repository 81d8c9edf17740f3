using System.Text.RegularExpressions;

namespace PerfNotebooks.Tests.Display;

/// <summary>
/// Checks that HTML needs no network: the plotly.js library itself mentions URLs (map tiles, docs), so it is
/// cut out first; everything else must not mention a CDN, an https:// URL or an external script/style.
/// </summary>
internal static partial class OfflineHtml
{
    public static string WithoutLibrary(string html) => Library().Replace(html, "<script data-perfnb=\"plotly-js\"></script>");

    public static int LibraryCopies(string html) => Library().Matches(html).Count;

    public static void AssertOffline(string html)
    {
        var rest = WithoutLibrary(html);
        Assert.DoesNotContain("cdn", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", rest, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), rest);
    }

    [GeneratedRegex("<script[^>]*data-perfnb=\"plotly-js\"[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Library();

    [GeneratedRegex("<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
