using System.Globalization;
using System.Text;

namespace PerfNotebooks.Claims;

/// <summary>
/// A deterministic generator of resume bullets for throughput runs: quantified claims in many phrasings,
/// vague claims, business numbers and plain duties, in roughly the mix real resumes have.
/// </summary>
internal static class SyntheticResumes
{
    private static readonly string[] Templates =
    [
        "Reduced p99 latency of the {svc} API from {ms1}ms to {ms2}ms under {k} RPS, measured with {tool}",
        "Cut {svc} response times by {pct}% by adding a Redis cache",
        "Improved {svc} throughput by {x}x after moving to async I/O",
        "Optimized {svc} queries by {pct}%",
        "Brought page load from {s1}s -> {ms2}ms on a {inst}",
        "Sped up CI builds {x}x (from {min1} min to {min2} min) with remote caching",
        "Lowered monthly AWS bill from ${k}k to ${k2}k by right-sizing {inst} instances",
        "Scaled ingestion to {k},000 events/sec on {cores} cores",
        "Cut heap usage from {gb}GB to {mb}MB in the {svc} worker, profiled with {tool}",
        "Reduced error rate from {pct2}% to 0.{pct}% across {k}M daily requests",
        "Shrank the JS bundle from {mb}KB to {kb}KB, cutting LCP by {pct}%",
        "Made the nightly ETL job {pct}% faster",
        "Optimized API performance",
        "Expert in JVM tuning and GC analysis",
        "Familiar with perf and flame graphs",
        "Improved the responsiveness of the {svc} dashboard",
        "Led a team of {cores} engineers delivering the {svc} platform",
        "Grew monthly active users from {k}k to {k2}k",
        "Increased test coverage from {pct2}% to {pct}%",
        "Reduced onboarding time from 3 weeks to {cores} days",
        "Saved ${k}k in recruiting costs by building a referral pipeline",
        "Wrote design docs and reviewed pull requests for the {svc} team",
        "Migrated {k} services from Jenkins to GitHub Actions",
        "Mentored {cores} junior developers",
        "Kept CPU utilization under {pct}% at {k}k req/s on {cores} vCPUs",
        "p50 {ms2}ms / p99 {ms1}ms for the {svc} endpoint at {k}k RPS ({tool}, {inst})",
        "Halved cold start time of the {svc} Lambda to {ms2} ms",
        "Decreased GC pauses by {pct}% (from {ms1} ms to {ms2} ms) on a {cores}-core {inst}",
        "Tripled message throughput to {k}k msg/s on a {cores}-node Kafka cluster",
        "Reduced Docker image size from {gb}.2 GB to {mb} MB",
        "Cut test suite runtime {x}x by parallelizing across {cores} runners",
        "Built a {svc} service in Go handling {k}M requests per day",
        "Implemented caching that made the {svc} page {x} times faster",
        "Optimizing database performance for the {svc} team",
        "Responsible for {svc} on-call rotation and incident reviews",
    ];

    private static readonly string[] Services = ["checkout", "search", "payments", "catalog", "auth", "orders", "feed", "billing", "inventory", "profile"];
    private static readonly string[] Tools = ["wrk", "k6", "JMeter", "hyperfine", "BenchmarkDotNet", "pprof", "Lighthouse", "Gatling", "async-profiler", "perf"];
    private static readonly string[] Instances = ["c5.xlarge", "m5.large", "t3.medium", "c6g.2xlarge", "r5.large", "n2-standard-8"];
    private static readonly string[] Markers = ["- ", "• ", "* ", "", ""];

    public static IEnumerable<string> Bullets(int count, int seed)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(160);
        for (var i = 0; i < count; i++)
        {
            var template = Templates[random.Next(Templates.Length)];
            sb.Clear();
            sb.Append(Markers[random.Next(Markers.Length)]);
            var at = 0;
            while (at < template.Length)
            {
                var open = template.IndexOf('{', at);
                if (open < 0)
                {
                    sb.Append(template, at, template.Length - at);
                    break;
                }

                sb.Append(template, at, open - at);
                var close = template.IndexOf('}', open);
                sb.Append(Fill(template[(open + 1)..close], random));
                at = close + 1;
            }

            yield return sb.ToString();
        }
    }

    /// <summary>Writes <paramref name="count"/> bullets, one per line, to a temp file then renames it into place.</summary>
    public static void Write(string path, int count, int seed)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir))
        {
            throw new BadInputException($"{path}: folder {dir} does not exist; create it first.");
        }

        SafeFile.Write(full, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            foreach (var bullet in Bullets(count, seed))
            {
                writer.Write(bullet);
                writer.Write('\n');
            }
        });
    }

    private static string Fill(string slot, Random random) => slot switch
    {
        "svc" => Services[random.Next(Services.Length)],
        "tool" => Tools[random.Next(Tools.Length)],
        "inst" => Instances[random.Next(Instances.Length)],
        "ms1" => random.Next(300, 2500).ToString(CultureInfo.InvariantCulture),
        "ms2" => random.Next(20, 290).ToString(CultureInfo.InvariantCulture),
        "s1" => (random.Next(15, 90) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
        "min1" => random.Next(20, 60).ToString(CultureInfo.InvariantCulture),
        "min2" => random.Next(3, 19).ToString(CultureInfo.InvariantCulture),
        "pct" => random.Next(10, 90).ToString(CultureInfo.InvariantCulture),
        "pct2" => random.Next(2, 9).ToString(CultureInfo.InvariantCulture),
        "x" => random.Next(2, 12).ToString(CultureInfo.InvariantCulture),
        "k" => random.Next(2, 80).ToString(CultureInfo.InvariantCulture),
        "k2" => random.Next(1, 40).ToString(CultureInfo.InvariantCulture),
        "gb" => random.Next(2, 16).ToString(CultureInfo.InvariantCulture),
        "mb" => random.Next(200, 900).ToString(CultureInfo.InvariantCulture),
        "kb" => random.Next(60, 190).ToString(CultureInfo.InvariantCulture),
        "cores" => random.Next(2, 33).ToString(CultureInfo.InvariantCulture),
        _ => slot,
    };
}
