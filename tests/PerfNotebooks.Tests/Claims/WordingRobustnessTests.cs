using PerfNotebooks.Claims;

namespace PerfNotebooks.Tests.Claims;

/// <summary>
/// Wordings where one token used to flip a verdict or a value: bits written as "Mb", code and URLs beside the
/// claim, throughput in the business's own units, speed-ups of durations, reductions of transfer size, outcomes
/// without performance words, and durations that are not performance.
/// </summary>
public class WordingRobustnessTests
{
    private static Claim Analyze(string text) => ClaimAnalyzer.Analyze("test", 1, text);

    private static ClaimValue Value(Claim claim, string text) => Assert.Single(claim.Values, v => v.Text == text);

    [Theory]
    [InlineData("Raised replication bandwidth from 200 Mb/s to 1.6 Gb/s", "200 Mb/s", 25e6)]
    [InlineData("Raised replication bandwidth from 200 Mb/s to 1.6 Gb/s", "1.6 Gb/s", 200e6)]
    [InlineData("Pushed 400 Mbit/s through one proxy", "400 Mbit/s", 50e6)]
    [InlineData("Cut video bitrate from 5 Mbps to 3 Mbps", "5 Mbps", 625e3)]
    public void Bits_per_second_are_an_eighth_of_bytes_per_second(string bullet, string value, double bytesPerSecond)
    {
        var v = Value(Analyze(bullet), value);

        Assert.Equal(ValueKind.SizeRate, v.Kind);
        Assert.Equal(bytesPerSecond, v.Base, 6);
    }

    [Fact]
    public void Megabits_of_flash_are_an_eighth_of_megabytes()
    {
        var claim = Analyze("Shrank the boot firmware from 64 Mb to 16 Mb of flash");

        Assert.Equal(8e6, Value(claim, "64 Mb").Base, 6);
        Assert.Equal("size", claim.Metric);
    }

    [Theory]
    [InlineData("Raised export speed from 40 MBps to 160 MBps", "40 MBps", 40e6)]
    [InlineData("Raised export speed from 40 MB/s to 160 MB/s", "40 MB/s", 40e6)]
    [InlineData("Copied backups at 300mb/s", "300mb/s", 300e6)]
    public void Capital_B_and_lower_case_mb_stay_bytes(string bullet, string value, double bytesPerSecond)
    {
        Assert.Equal(bytesPerSecond, Value(Analyze(bullet), value).Base, 6);
    }

    [Theory]
    [InlineData("Reduced p95 latency from 480 ms to 90 ms", "Reduced p95 latency of GET /api/v2/users/{id}/orders from 480 ms to 90 ms")]
    [InlineData("Cut time to first byte from 1.2 s to 300 ms", "Cut time to first byte of https://shop.example.com/v2/customers from 1.2 s to 300 ms")]
    [InlineData("Brought p99 of search down from 310 ms to 45 ms, measured with wrk", "Brought p99 of /v1/search down from 310 ms to 45 ms, measured with wrk -t4 -c256 -d60s http://127.0.0.1:8080/v1/search")]
    [InlineData("Dashboards now load in 800 ms instead of 4 s", "Dashboards served from localhost:3000 now load in 800 ms instead of 4 s")]
    [InlineData("Cut heap per request from 3 MB to 400 KB by pooling buffers", "Cut heap per request from 3 MB to 400 KB in `parse_v2()` by pooling buffers")]
    [InlineData("Made the release build 3x faster", "Made the release build (`make -j8 release`) 3x faster")]
    [InlineData("Cut p99 from 300 ms to 40 ms, measured with wrk", "Cut p99 from 300 ms to 40 ms, measured with `wrk -c 64 --latency http://localhost:8080/users`")]
    public void Paths_urls_and_commands_beside_a_claim_change_nothing(string plain, string withCode)
    {
        var a = Analyze(plain);
        var b = Analyze(withCode);

        Assert.Equal(a.Quantified, b.Quantified);
        Assert.Equal(a.Metric, b.Metric);
        Assert.Equal(a.Consistent, b.Consistent);
        Assert.Equal(a.Reproducibility, b.Reproducibility);
        Assert.Equal(a.Values.Select(v => (v.Text, v.Role)), b.Values.Select(v => (v.Text, v.Role)));
    }

    [Fact]
    public void Words_after_a_code_span_are_read_again()
    {
        var claim = Analyze("Cut p99 from 300 ms to 40 ms with `wrk http://localhost:8080/users` on 8 cores");

        Assert.True(claim.Reproducibility.Tool);
        Assert.True(claim.Reproducibility.Hardware);
    }

    [Theory]
    [InlineData("Sped up the customer lookup 12x with a composite index", "latency")]
    [InlineData("Cut the user search p95 from 2 s to 250 ms", "latency")]
    public void A_business_word_that_only_names_the_thing_measured_does_not_make_it_business(string bullet, string metric)
    {
        var claim = Analyze(bullet);

        Assert.True(claim.Quantified);
        Assert.Equal(metric, claim.Metric);
    }

    [Theory]
    [InlineData("Pipeline now handles 50 invoices a minute instead of 12", "invoices/min")]
    [InlineData("Scoring service approves 90 applications per second", "applications/s")]
    [InlineData("Scaled claim intake to 600 claims/min", "claims/min")]
    public void Throughput_in_business_units_per_time_is_throughput(string bullet, string unit)
    {
        var claim = Analyze(bullet);

        Assert.True(claim.Quantified);
        Assert.Equal("throughput", claim.Metric);
        Assert.Contains(claim.Values, v => v.Kind == ValueKind.Rate && v.Unit == unit);
    }

    [Fact]
    public void Business_counts_per_day_stay_business()
    {
        var claim = Analyze("Grew signups to 400 signups a day");

        Assert.False(claim.Quantified);
    }

    [Theory]
    [InlineData("Made nightly builds 3x faster")]
    [InlineData("Cut build time 4x")]
    [InlineData("Cut integration test runtime 5x by sharding")]
    [InlineData("Builds run 5x quicker after switching to remote caching")]
    public void A_multiplier_on_a_duration_is_a_duration_claim(string bullet)
    {
        var claim = Analyze(bullet);

        Assert.True(claim.Quantified);
        Assert.Equal("duration", claim.Metric);
        Assert.Contains(claim.Values, v => v.Kind == ValueKind.Multiplier && v.Role == ValueRole.Change);
    }

    [Theory]
    [InlineData("Shrank API payloads by 70% with protobuf")]
    [InlineData("Reduced S3 transfer by 35%")]
    [InlineData("Reduced egress by 60 TB per month by compressing responses")]
    public void Reducing_transfer_size_egress_or_payload_is_a_size_claim(string bullet)
    {
        var claim = Analyze(bullet);

        Assert.True(claim.Quantified);
        Assert.Equal("size", claim.Metric);
    }

    [Theory]
    [InlineData("Made the dashboard feel instant", "latency")]
    [InlineData("Customers stopped complaining about the checkout hanging", "latency")]
    [InlineData("Pages that used to crawl now load right away", "latency")]
    [InlineData("Reports no longer time out for large accounts", "error_rate")]
    public void An_outcome_without_performance_words_is_still_vague(string bullet, string metric)
    {
        var claim = Analyze(bullet);

        Assert.True(claim.Vague);
        Assert.Equal(metric, claim.Metric);
    }

    [Theory]
    [InlineData("Built an instant messaging feature for support agents")]
    [InlineData("Led the release during the code freeze")]
    public void Everyday_uses_of_those_words_are_not_claims(string bullet)
    {
        var claim = Analyze(bullet);

        Assert.False(claim.Vague);
        Assert.False(claim.Quantified);
    }

    [Theory]
    [InlineData("Ran a 2-day workshop for 40 students")]
    [InlineData("Taught a 12-week course on distributed systems")]
    [InlineData("Led a team of 9 engineers across 3 time zones")]
    [InlineData("Delivered a 3-hour workshop on schema design")]
    public void Course_lengths_and_team_sizes_are_not_performance(string bullet)
    {
        var claim = Analyze(bullet);

        Assert.False(claim.Quantified);
        Assert.Null(claim.Metric);
    }
}
