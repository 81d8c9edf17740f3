using PerfNotebooks.Claims;

namespace PerfNotebooks.Tests.Claims;

public class ValueParsingTests
{
    private static Claim Analyze(string text) => ClaimAnalyzer.Analyze("test", 1, text);

    private static ClaimValue Value(string text, string written) =>
        Assert.Single(Analyze(text).Values, v => v.Text == written);

    [Theory]
    [InlineData("Cut latency to 900 ns", "900 ns", 900e-9)]
    [InlineData("Cut latency to 40µs", "40us", 40e-6)]
    [InlineData("Cut latency to 40 us", "40 us", 40e-6)]
    [InlineData("Cut latency to 120ms", "120ms", 0.12)]
    [InlineData("Cut latency to 120 msec", "120 msec", 0.12)]
    [InlineData("Cut latency to 2.4s", "2.4s", 2.4)]
    [InlineData("Cut latency to 3 secs", "3 secs", 3)]
    [InlineData("Cut build time to 12 min", "12 min", 720)]
    [InlineData("Cut the nightly job to 2h", "2h", 7200)]
    public void Time_units_are_converted_to_seconds(string text, string written, double seconds)
    {
        var value = Value(text, written);

        Assert.Equal(ValueKind.Time, value.Kind);
        Assert.Equal(seconds, value.Base, 9);
    }

    [Theory]
    [InlineData("Raised throughput to 12k req/s", "12k req/s", 12_000)]
    [InlineData("Raised throughput to 4,500 RPS", "4,500 RPS", 4_500)]
    [InlineData("Served 1.2M requests per minute", "1.2M requests per minute", 20_000)]
    [InlineData("Scaled to 30k msg/s", "30k msg/s", 30_000)]
    [InlineData("Handled 5k QPS", "5k QPS", 5_000)]
    [InlineData("Processes 864,000 events per day", "864,000 events per day", 10)]
    [InlineData("Processes 10M events a day", "10M events a day", 10e6 / 86400)]
    public void Rates_are_converted_to_per_second(string text, string written, double perSecond)
    {
        var value = Value(text, written);

        Assert.Equal(ValueKind.Rate, value.Kind);
        Assert.Equal(perSecond, value.Base, 6);
    }

    [Theory]
    [InlineData("Cut heap to 512 KB", "512 KB", 512e3)]
    [InlineData("Cut heap to 1.5GB", "1.5GB", 1.5e9)]
    [InlineData("Cut heap to 300 MiB", "300 MiB", 300 * 1024 * 1024)]
    [InlineData("Cut the image to 2 TB", "2 TB", 2e12)]
    public void Sizes_are_converted_to_bytes(string text, string written, double bytes)
    {
        var value = Value(text, written);

        Assert.Equal(ValueKind.Size, value.Kind);
        Assert.Equal(bytes, value.Base, 0);
    }

    [Fact]
    public void Size_per_second_is_a_size_rate()
    {
        var value = Value("Write throughput went to 800 MB/s", "800 MB/s");

        Assert.Equal(ValueKind.SizeRate, value.Kind);
        Assert.Equal(800e6, value.Base, 0);
    }

    [Fact]
    public void Money_with_k_suffix_and_period_keeps_the_period_in_its_unit()
    {
        var value = Value("Cut AWS spend to $18k/month", "$18k/month");

        Assert.Equal(ValueKind.Money, value.Kind);
        Assert.Equal(18_000, value.Number);
        Assert.Equal("$/month", value.Unit);
    }

    [Theory]
    [InlineData("Improved throughput 3x", "3x", 3)]
    [InlineData("Made it 20 times faster", "20 times", 20)]
    [InlineData("Tripled throughput", "Tripled", 3)]
    [InlineData("Halved memory use", "Halved", 2)]
    [InlineData("Cut build time in half", "half", 2)]
    [InlineData("Made builds twice as fast", "twice", 2)]
    [InlineData("Improved latency by an order of magnitude", "order of magnitude", 10)]
    [InlineData("Made the parser three times faster", "three times", 3)]
    [InlineData("A 4-fold throughput increase", "4-fold", 4)]
    public void Multipliers_in_digits_and_words_are_ratios(string text, string written, double ratio)
    {
        var value = Value(text, written);

        Assert.Equal(ValueKind.Multiplier, value.Kind);
        Assert.Equal(ratio, value.Base);
    }

    [Theory]
    [InlineData("Raised throughput to 1,200,000 rps", 1_200_000)]
    [InlineData("Raised throughput to 1.2M rps", 1_200_000)]
    [InlineData("Raised throughput to 1200k rps", 1_200_000)]
    public void Thousands_separators_and_suffixes_give_the_same_number(string text, double number)
    {
        var value = Assert.Single(Analyze(text).Values);

        Assert.Equal(number, value.Number, 3);
    }

    [Theory]
    [InlineData("Cut p99 from 2.4s -> 120ms")]
    [InlineData("Cut p99 from 2.4s → 120ms")]
    [InlineData("Cut p99 from 2.4s to 120ms")]
    [InlineData("Cut p99 2.4s => 120ms")]
    [InlineData("Cut p99 to 120ms, down from 2.4s")]
    [InlineData("p99: 2.4s -> 120ms")]
    [InlineData("Cut p99 from 2.4 to 0.12 seconds")]
    public void Arrows_and_from_to_give_a_before_and_after(string text)
    {
        var values = Analyze(text).Values;

        var before = Assert.Single(values, v => v.Role == ValueRole.Before);
        var after = Assert.Single(values, v => v.Role == ValueRole.After);
        Assert.Equal(2.4, before.Base, 6);
        Assert.Equal(0.12, after.Base, 6);
    }

    [Fact]
    public void Bare_before_number_inherits_the_after_unit()
    {
        var before = Assert.Single(Analyze("Cut CI time from 40 to 12 minutes").Values, v => v.Role == ValueRole.Before);

        Assert.Equal(ValueKind.Time, before.Kind);
        Assert.Equal(2400, before.Base);
    }

    [Fact]
    public void A_plain_range_is_not_a_before_and_after()
    {
        var values = Analyze("Typical latency of 200-300ms").Values;

        Assert.DoesNotContain(values, v => v.Role is ValueRole.Before or ValueRole.After);
    }

    [Fact]
    public void Lower_case_m_is_minutes_beside_other_times()
    {
        var values = Analyze("Builds went from 20m -> 7m").Values;

        Assert.All(values, v => Assert.Equal(ValueKind.Time, v.Kind));
        Assert.Equal(1200, values[0].Base);
    }

    [Fact]
    public void Upper_case_M_before_a_noun_is_millions()
    {
        var value = Assert.Single(Analyze("Indexed 40M documents").Values);

        Assert.Equal(40e6, value.Number);
        Assert.Equal("documents", value.Noun);
    }

    [Theory]
    [InlineData("Used 24/7 on-call")]
    [InlineData("Ranked 99th percentile in the company")]
    public void Fractions_and_ordinals_are_not_values(string text)
    {
        Assert.Empty(Analyze(text).Values);
    }
}
