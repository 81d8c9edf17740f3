using PerfNotebooks.Claims;

namespace PerfNotebooks.Tests.Claims;

public class ClaimRulesTests
{
    private static Claim Analyze(string text) => ClaimAnalyzer.Analyze("test", 1, text);

    [Theory]
    [InlineData("Reduced p99 latency from 2.4s to 120ms", "latency")]
    [InlineData("Made checkout page loads 40% faster", "latency")]
    [InlineData("Cut GC pauses to 5 ms", "latency")]
    [InlineData("Sped up CI builds from 45 min to 12 min", "duration")]
    [InlineData("Made tests 3x faster", "duration")]
    [InlineData("Tripled Kafka consumer throughput to 45k msg/s", "throughput")]
    [InlineData("Halved memory usage of the worker", "memory")]
    [InlineData("Cut CPU usage by 30%", "cpu")]
    [InlineData("Cut AWS spend from $18k/month to $11k/month", "cost")]
    [InlineData("Reduced error rate from 2% to 0.1%", "error_rate")]
    [InlineData("Shrank Docker image from 1.2GB to 180MB", "size")]
    [InlineData("Raised cache hit rate from 62% to 94%", "other")]
    public void Quantified_claim_gets_its_metric(string text, string metric)
    {
        var claim = Analyze(text);

        Assert.True(claim.Quantified);
        Assert.Equal(metric, claim.Metric);
    }

    [Theory]
    [InlineData("Led a team of 8 engineers")]
    [InlineData("Increased test coverage from 60% to 90%")]
    [InlineData("Reduced onboarding time from 2 weeks to 3 days")]
    [InlineData("Saved $14k per hire in recruiting costs")]
    [InlineData("Grew revenue 3x in two years")]
    [InlineData("7 years of experience building distributed systems")]
    [InlineData("Grew monthly active users from 40k to 1.2M")]
    [InlineData("Reduced incident response time from 30 minutes to 5 minutes")]
    public void Business_and_process_numbers_are_not_performance_claims(string text)
    {
        var claim = Analyze(text);

        Assert.False(claim.Quantified);
        Assert.False(claim.Vague);
        Assert.Null(claim.Metric);
    }

    [Theory]
    [InlineData("Optimized API performance")]
    [InlineData("Expert in JVM tuning")]
    [InlineData("Familiar with perf and flame graphs")]
    [InlineData("Drastically reduced API response times")]
    public void Performance_claim_without_a_number_is_vague(string text)
    {
        var claim = Analyze(text);

        Assert.True(claim.Vague);
        Assert.False(claim.Quantified);
    }

    [Fact]
    public void Vague_claim_gets_a_rewrite_flag()
    {
        var claim = Analyze("Improved page load times");

        Assert.NotNull(claim.Rewrite);
        Assert.Contains(claim.Flags, f => f.StartsWith("Rewrite:", StringComparison.Ordinal));
        Assert.Contains("p99", claim.Rewrite, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wrote unit tests for the checkout service")]
    [InlineData("Collaborated with product on roadmap planning")]
    public void Unrelated_bullet_is_neither_quantified_nor_vague(string text)
    {
        var claim = Analyze(text);

        Assert.False(claim.Quantified);
        Assert.False(claim.Vague);
    }

    [Theory]
    [InlineData("Reduced p99 latency by 62% from 2.4s to 120ms", false)]
    [InlineData("Reduced p99 latency by 95% from 2.4s to 120ms", true)]
    [InlineData("Reduced p99 latency by 93% from 2.4s to 120ms", true)]
    [InlineData("Reduced p99 latency by 91% from 2.4s to 120ms", false)]
    public void Percent_change_must_agree_with_before_and_after_within_three_points(string text, bool consistent)
    {
        Assert.Equal(consistent, Analyze(text).Consistent);
    }

    [Theory]
    [InlineData("Cut p99 latency 3x, from 900ms to 300ms", true)]
    [InlineData("Cut p99 latency 3.3x, from 900ms to 300ms", true)]
    [InlineData("Cut p99 latency 3.4x, from 900ms to 300ms", false)]
    [InlineData("Halved memory (4 GB -> 2 GB)", true)]
    [InlineData("Halved memory (4 GB -> 1 GB)", false)]
    public void Multiplier_must_agree_with_before_and_after_within_ten_percent(string text, bool consistent)
    {
        Assert.Equal(consistent, Analyze(text).Consistent);
    }

    [Theory]
    [InlineData("Made the search endpoint 75% faster (400ms to 100ms)", true)]
    [InlineData("Made the search endpoint 300% faster (400ms to 100ms)", true)]
    [InlineData("Made the search endpoint 50% faster (400ms to 100ms)", false)]
    public void Percent_faster_may_mean_less_time_or_more_speed(string text, bool consistent)
    {
        Assert.Equal(consistent, Analyze(text).Consistent);
    }

    [Theory]
    [InlineData("Cut API latency by 40%")]
    [InlineData("Cut API latency from 400ms to 200ms")]
    public void Consistency_is_null_without_both_a_change_and_before_after(string text)
    {
        Assert.Null(Analyze(text).Consistent);
    }

    [Fact]
    public void Change_of_another_metric_is_not_checked_against_a_pair()
    {
        var claim = Analyze("Cut p99 latency from 800ms to 200ms and memory by 30%");

        Assert.Null(claim.Consistent);
    }

    [Fact]
    public void Inconsistent_claim_gets_a_corrected_rewrite()
    {
        var claim = Analyze("Reduced p99 latency by 62% from 2.4s to 120ms");

        Assert.Equal("Reduced p99 latency by 95% from 2.4s to 120ms", claim.Rewrite);
        Assert.Contains(claim.Flags, f => f.Contains("95%", StringComparison.Ordinal) && f.Contains("62%", StringComparison.Ordinal));
    }

    [Fact]
    public void Fully_specified_claim_scores_five()
    {
        var r = Analyze("Reduced p99 latency from 2.4s to 120ms under 5k RPS on a c5.xlarge, measured with wrk").Reproducibility;

        Assert.Equal(new Reproducibility(true, true, true, true, true), r);
        Assert.Equal(5, r.Score);
    }

    [Theory]
    [InlineData("Reduced median page load from 3.2 s to 1.1 s")]
    [InlineData("Reduced tail latency by 60%")]
    [InlineData("Reduced 99th percentile latency from 2s to 400ms")]
    [InlineData("p99.9 GC pause down to 4 ms")]
    public void Percentile_is_found_in_its_spellings(string text)
    {
        Assert.True(Analyze(text).Reproducibility.Percentile);
    }

    [Theory]
    [InlineData("Kept p99 under 50 ms at 20k RPS")]
    [InlineData("Query time fell from 42s to 3s on a 200M-row table")]
    [InlineData("Cut heap from 6 GB to 2 GB while processing 10 GB of logs")]
    [InlineData("p99 of 12 ms with 500 concurrent users")]
    public void Workload_is_a_load_level_or_data_size_beside_the_measured_value(string text)
    {
        Assert.True(Analyze(text).Reproducibility.Workload);
    }

    [Fact]
    public void Measured_rate_is_not_its_own_workload()
    {
        var claim = Analyze("Increased ingestion throughput from 8k to 50k events/sec");

        Assert.False(claim.Reproducibility.Workload);
    }

    [Theory]
    [InlineData("Cut p99 to 20 ms on 8 cores")]
    [InlineData("Cut p99 to 20 ms on a c6g.2xlarge")]
    [InlineData("Cut p99 to 20 ms on an n2-standard-8")]
    [InlineData("Cut startup to 1.2 s on a Pixel 4")]
    [InlineData("Cut p99 to 20 ms on a 16 GB RAM box")]
    [InlineData("Cut p99 to 20 ms on AMD EPYC")]
    public void Hardware_is_cores_models_instance_types_or_memory_size(string text)
    {
        Assert.True(Analyze(text).Reproducibility.Hardware);
    }

    [Theory]
    [InlineData("Cut p99 to 20 ms (measured with k6)", true)]
    [InlineData("Cut p99 to 20 ms, found the hot path with perf", true)]
    [InlineData("Cut p99 to 20 ms through perf improvements", false)]
    [InlineData("Cut build time to 4 min (hyperfine)", true)]
    [InlineData("Cut retained heap growth from 52 MB to 3 MB, measured with perfnb 0.1.0 on .NET 10", true)]
    [InlineData("Found the leak with dotnet-gcdump and cut heap growth from 52 MB to 3 MB", true)]
    public void Tool_is_a_named_benchmark_or_profiler_and_perf_only_as_the_tool(string text, bool tool)
    {
        Assert.Equal(tool, Analyze(text).Reproducibility.Tool);
    }

    [Theory]
    [InlineData("Cut REST API latency to 0.3µs")]
    [InlineData("Served 3M req/s from a single t3.micro")]
    [InlineData("Reduced latency by 120%")]
    [InlineData("Pushed 140 GB/s through one server")]
    public void Values_outside_the_reference_ranges_are_implausible_with_a_reason(string text)
    {
        var claim = Analyze(text);

        Assert.False(claim.Plausible);
        Assert.Contains(claim.Flags, f => f.StartsWith("Implausible:", StringComparison.Ordinal) && f.Contains("source:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Cut REST API p99 to 3 ms")]
    [InlineData("Served 300k req/s on 32 cores")]
    [InlineData("Made the search endpoint 300% faster (400ms to 100ms)")]
    public void Ordinary_values_are_plausible(string text)
    {
        Assert.True(Analyze(text).Plausible);
    }

    [Fact]
    public void Quantified_claim_lists_what_is_missing_for_reproduction()
    {
        var claim = Analyze("Cut API latency by 40%");

        Assert.Contains("Hard to reproduce: no baseline, percentile, workload, hardware or tool.", claim.Flags);
    }

    [Fact]
    public void Seed_regexes_miss_most_real_phrasings()
    {
        Assert.True(SeedRegexes.Matches("Reduced latency from 2.4s to 120ms"));
        Assert.False(SeedRegexes.Matches("Cut p99 latency from 2.4s to 120ms"));
    }
}
