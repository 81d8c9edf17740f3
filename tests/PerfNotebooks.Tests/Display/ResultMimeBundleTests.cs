using PerfNotebooks.Display;

namespace PerfNotebooks.Tests.Display;

/// <summary>The last value of a cell: every result type reaches the notebook as our HTML plus its text.</summary>
public class ResultMimeBundleTests
{
    public static TheoryData<string> Results => ["LoadResult", "LoadComparison", "Profile", "Finding", "HeapDiff"];

    [Theory]
    [MemberData(nameof(Results))]
    public void MimeBundle_of_a_result_is_its_html_and_its_text(string type)
    {
        var value = Build(type);

        var bundle = Notebook.MimeBundle(value);

        Assert.Equal(value.ToHtml(), bundle[MimeTypes.Html]);
        Assert.Equal(value.ToString(), bundle[MimeTypes.PlainText]);
    }

    [Theory]
    [MemberData(nameof(Results))]
    public void Result_html_is_one_offline_panel_with_its_own_scoped_style(string type)
    {
        var html = Build(type).ToHtml();

        Assert.StartsWith("<div class=\"perfnb-result\"><style>.perfnb-result{", html, StringComparison.Ordinal);
        Assert.EndsWith("</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        OfflineHtml.AssertOffline(html);
    }

    private static IHtmlRenderable Build(string type) => type switch
    {
        "LoadResult" => ResultValues.SteadyRun(2),
        "LoadComparison" => ResultValues.Compare([5, 6], [4, 5]),
        "Profile" => ResultValues.Profile(),
        "Finding" => ResultValues.Profile().Findings[0],
        "HeapDiff" => ResultValues.HeapGrowth(3),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no such result type"),
    };
}
