using PerfNotebooks.Servers;
using Xunit;

namespace PerfNotebooks.Tests.Servers;

/// <summary>The ready line's format and parse live in one type (PerfNotebooks.Contracts); what one writes the other reads.</summary>
public sealed class ReadyLineTests
{
    [Fact]
    public void A_formatted_line_parses_back_to_its_url_pid_and_facts()
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["scenario"] = "n-plus-one",
            ["mode"] = "buggy",
            ["seed_ms"] = "412",
            ["exercise_key"] = "3f9a",
        };

        var text = ReadyLine.Format(new Uri("http://127.0.0.1:5123"), 4242, facts);
        var line = ReadyLine.TryParse(text);

        Assert.Equal("http://127.0.0.1:5123 pid=4242 scenario=n-plus-one mode=buggy seed_ms=412 exercise_key=3f9a", text);
        Assert.NotNull(line);
        Assert.Equal(new Uri("http://127.0.0.1:5123"), line.Url);
        Assert.Equal(4242, line.Pid);
        Assert.Equal("n-plus-one", line.Text("scenario"));
        Assert.Equal(412, line.Number("seed_ms"));
        Assert.Equal("3f9a", line.Text("exercise_key"));
        Assert.Equal("", line.Text("absent"));
        Assert.True(double.IsNaN(line.Number("mode")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("listening on 5123")]
    [InlineData("http://127.0.0.1:5123 scenario=n-plus-one")]
    [InlineData("http://127.0.0.1:5123 pid=-3")]
    public void Anything_but_a_ready_line_is_not_one(string? text) => Assert.Null(ReadyLine.TryParse(text));
}
