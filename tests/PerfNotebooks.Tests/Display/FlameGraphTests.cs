using System.Xml.Linq;
using PerfNotebooks.Display;

namespace PerfNotebooks.Tests.Display;

public class FlameGraphTests
{
    private static FlameNode Profile() => FlameNode.FromCollapsed("""
        Main;HandleRequest;ParseJson 30
        Main;HandleRequest;QueryDb;Wait 50
        Main;HandleRequest 10
        Main;GcCollect 10
        """);

    [Fact]
    public void FromCollapsed_merges_shared_prefixes_and_sums_totals()
    {
        var root = Profile();

        var main = Assert.Single(root.Children);
        Assert.Equal(100, root.Total);
        Assert.Equal(90, main.Children.Single(c => c.Name == "HandleRequest").Total);
        Assert.Equal(10, main.Children.Single(c => c.Name == "HandleRequest").Self);
        Assert.Equal(7, root.Count());
    }

    [Fact]
    public void FromCollapsed_names_the_line_without_a_count()
    {
        var error = Assert.Throws<BadInputException>(() => FlameNode.FromCollapsed("a;b 1\na;c\n"));

        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void ToSvg_is_well_formed_xml_with_one_rect_per_frame()
    {
        var svg = XDocument.Parse(new FlameGraph(Profile()).ToSvg());

        Assert.Equal(1 + 7, svg.Descendants().Count(e => e.Name.LocalName == "rect"));
    }

    [Fact]
    public void ToSvg_titles_give_total_and_self_percent()
    {
        var svg = new FlameGraph(Profile()).ToSvg();

        Assert.Contains("QueryDb\ntotal 50 samples (50%), self 0 samples (0%)", svg);
        Assert.Contains("Wait\ntotal 50 samples (50%), self 50 samples (50%)", svg);
    }

    [Fact]
    public void ToSvg_leaves_out_frames_narrower_than_half_a_pixel()
    {
        var root = FlameNode.FromStacks([(["hot"], 1_000_000.0), (["rare"], 1.0)]);

        var svg = new FlameGraph(root).ToSvg(width: 1000);

        Assert.Contains(">hot<", svg);
        Assert.DoesNotContain("rare", svg);
    }

    [Fact]
    public void ToSvg_icicle_puts_the_root_at_the_top()
    {
        static double RootY(string svg) => XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "rect").Skip(1)
            .Select(r => double.Parse(r.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture)).First();
        var flame = new FlameGraph(Profile());

        Assert.True(RootY(flame.Flipped().ToSvg()) < RootY(flame.ToSvg()));
        Assert.True(flame.Flipped().Icicle);
    }

    [Fact]
    public void ToSvg_escapes_generic_and_control_characters_in_names()
    {
        var root = FlameNode.FromStacks([(["List<int>.Add&\u0001"], 1.0)]);

        var svg = new FlameGraph(root).ToSvg();

        Assert.Contains("List&lt;int&gt;.Add&amp;?", svg);
        XDocument.Parse(svg);
    }

    [Fact]
    public void ToHtml_is_self_contained_with_zoom_search_and_hover()
    {
        var html = new FlameGraph(Profile()).ToHtml();

        Assert.Contains("class=\"fg-search\"", html);
        Assert.Contains("fg-reset", html);
        Assert.Contains("addEventListener('click'", html);
        Assert.Contains("\"HandleRequest\"", html);
        OfflineHtml.AssertOffline(html);
    }

    [Fact]
    public void ToString_lists_the_frames_with_the_most_self_time()
    {
        var text = new FlameGraph(Profile(), "CPU").ToString();

        Assert.StartsWith("CPU: 100 samples, 7 frames.", text);
        Assert.Contains("50.0%  Wait", text.Split('\n')[1]);
    }

    [Fact]
    public void Constructor_rejects_an_empty_profile()
    {
        Assert.Throws<BadInputException>(() => new FlameGraph(new FlameNode("all", 0, 0, [])));
    }
}
