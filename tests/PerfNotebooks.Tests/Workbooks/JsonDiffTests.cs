using System.Text.Json.Nodes;
using PerfNotebooks.Workbooks.Exercises;

namespace PerfNotebooks.Tests.Workbooks;

public class JsonDiffTests
{
    private static readonly HashSet<string> None = [];

    [Fact]
    public void Equal_answers_have_no_difference()
    {
        Assert.Null(JsonDiff.First(JsonNode.Parse("""[{"id":1,"orders":[]}]"""), JsonNode.Parse("""[{"id":1,"orders":[]}]"""), None));
    }

    [Fact]
    public void A_different_value_is_named_by_its_path()
    {
        var diff = JsonDiff.First(JsonNode.Parse("""[{"id":1,"orders":[{"status":"paid"}]}]"""), JsonNode.Parse("""[{"id":1,"orders":[{"status":"shipped"}]}]"""), None);

        Assert.Equal("[0].orders[0].status: reference \"paid\", yours \"shipped\"", diff);
    }

    [Fact]
    public void A_missing_item_says_which()
    {
        var diff = JsonDiff.First(JsonNode.Parse("[1,2,3]"), JsonNode.Parse("[1,2]"), None);

        Assert.Equal("the list: 2 items in yours, 3 in the reference (first missing: 3)", diff);
    }

    [Fact]
    public void Ignored_properties_may_differ()
    {
        Assert.Null(JsonDiff.First(JsonNode.Parse("""{"a":1,"durationMs":3}"""), JsonNode.Parse("""{"a":1,"durationMs":9}"""), new HashSet<string> { "durationMs" }));
    }
}
