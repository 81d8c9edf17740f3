using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Servers;

public class LatencyTextTests
{
    [Theory]
    [InlineData("2ms", 2.0)]
    [InlineData("1.5ms", 1.5)]
    [InlineData("500us", 0.5)]
    [InlineData("1s", 1000.0)]
    [InlineData("0", 0.0)]
    public void Parse_reads_latencies_as_people_write_them(string text, double expectedMs)
    {
        Assert.Equal(expectedMs, LatencyText.Parse("--db-latency", text).TotalMilliseconds, precision: 6);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("-1ms")]
    [InlineData("2 minutes")]
    [InlineData("61s")]
    [InlineData("NaN")]
    [InlineData("3")] // a bare number: seconds to one reader, milliseconds to another
    public void Parse_rejects_what_is_not_a_latency_naming_the_option(string text)
    {
        var error = Assert.Throws<BadInputException>(() => LatencyText.Parse("--db-latency", text));

        Assert.StartsWith($"--db-latency '{text}'", error.Message, StringComparison.Ordinal);
    }
}
