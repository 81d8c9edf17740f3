using System.Collections.Frozen;

namespace PerfNotebooks.Claims;

/// <summary>What one word or phrase means to the analyzer.</summary>
internal readonly record struct Lexeme(Cue Cues, Metric Metric, byte PhraseWords = 0);

/// <summary>
/// The words and phrases (up to three words, lower case) the analyzer recognises. Phrases win over their
/// words, so "recruiting cost" is business although "cost" alone is a performance cost.
/// </summary>
internal static class Lexicon
{
    public const int LongestPhrase = 3;

    private static readonly FrozenDictionary<string, Lexeme> Entries = Build();

    public static FrozenDictionary<string, Lexeme>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; } =
        Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, Lexeme> Build()
    {
        var d = new Dictionary<string, Lexeme>(StringComparer.Ordinal);

        void Add(Cue cue, Metric metric, string words)
        {
            foreach (var raw in words.Split('|'))
            {
                var w = raw.Trim();
                if (w.Length == 0)
                {
                    continue;
                }

                d[w] = d.TryGetValue(w, out var old)
                    ? new Lexeme(old.Cues | cue, metric == Metric.None ? old.Metric : metric)
                    : new Lexeme(cue, metric);
            }
        }

        Add(Cue.Metric, Metric.Latency,
            "latency|latencies|response time|response times|response-time|response-times|page load|page loads|page-load|" +
            "page load time|page load times|load time|load times|ttfb|time to first byte|time-to-first-byte|tti|" +
            "time to interactive|time-to-interactive|lcp|fcp|inp|first contentful paint|largest contentful paint|" +
            "startup time|startup times|start-up time|start-up times|startup latency|app startup|cold start|cold starts|" +
            "cold-start|cold-starts|boot time|boot times|launch time|app launch|gc pause|gc pauses|gc pause time|" +
            "pause time|pause times|stop-the-world|query time|query times|query latency|slow queries|render time|" +
            "render times|rendering time|round trip|round-trip|round trips|round-trips|rtt|wait time|wait times|" +
            "time to first token|ttft|lookup time|lookup times|tail latency|replication lag|consumer lag|input lag|" +
            "core web vitals|web vitals|cls|first paint|page speed|pagespeed|time to render|render latency|request latency|api latency|service time");
        Add(Cue.Metric | Cue.Percentile, Metric.Latency,
            "tail latency|tail latencies|p50|p75|p90|p95|p99|p999|p99.9|p99.99|p9999|tp99|tp999|tp90|tp95|p50s|p99s|p95s");
        Add(Cue.Percentile, Metric.None, "median|tail|percentile|percentiles|99th|95th|90th|50th|99.9th|99.99th");
        Add(Cue.WeakMetric, Metric.Latency,
            "response|responses|request|requests|api|apis|endpoint|endpoints|page|pages|query|queries|lookup|lookups|" +
            "startup|start-up|search|checkout|login|rpc|call|calls|handler|load|loads|render|rendering|site|website|" +
            "app|apps|dashboard|ui|screen|screens|service|services|microservice|microservices|server|database|db|sql|" +
            "function|lambda|cache|redis|resolver|graphql|homepage|frontend|backend|mobile|ios|android|web|serialization|" +
            "deserialization|parser|parsing|autocomplete|feed|click|interaction|interactions|navigation");
        Add(Cue.Metric, Metric.Duration,
            "build time|build times|builds|ci build|ci builds|ci time|ci times|ci pipeline|ci pipelines|ci run|ci runs|" +
            "ci/cd pipeline|pipeline time|pipeline duration|pipeline runtime|test suite|test suites|test run|test runs|" +
            "test time|test times|test runtime|deploy time|deploy times|deployment time|deployment times|batch job|" +
            "batch jobs|etl|etl job|etl jobs|etl pipeline|nightly job|nightly jobs|nightly build|nightly builds|" +
            "nightly batch|nightly run|compile time|compile times|compilation time|build duration|report generation|" +
            "indexing time|backup time|backups|restore time|job runtime|job duration|job time|run time|runtime|" +
            "processing time|training time|data pipeline|data pipelines|migration time|cron job|cron jobs|backfill|" +
            "backfills|reindex|reindexing|release build|docker build|docker builds|gradle build|gradle builds|" +
            "webpack build|test execution|execution time|" +
            "build pipeline|deploy pipeline|deployment pipeline|release pipeline|deploys|job completion|batch processing|" +
            "bootstrap time|provisioning time");
        Add(Cue.WeakMetric, Metric.Duration,
            "build|pipeline|pipelines|job|jobs|batch|batches|nightly|tests|test|migration|migrations|import|imports|" +
            "export|exports|sync|crawl|compile|compilation|deploy|deployment|deployments|report|reports|training|" +
            "processing|processed|process|runs|run|ran|took|takes|complete|completes|completed|finish|finishes|" +
            "provisioning|indexing|encoding|transcoding|rebuild|rebuilds|installs|install|suite|workflow|workflows");
        Add(Cue.Metric, Metric.Throughput,
            "throughput|rps|qps|tps|iops|requests per second|queries per second|transactions per second|frame rate|" +
            "framerate|bandwidth|ingestion rate|processing rate|write throughput|read throughput|message rate|event rate|" +
            "req/s|req/sec|ops/sec|ops/s|requests/sec|requests/s|requests/second|messages per second|events per second|" +
            "|goodput|ingest rate|write rate|read rate|request rate|fps|frames per second");
        Add(Cue.Metric, Metric.Memory,
            "memory|memory usage|memory footprint|heap|heap size|heap usage|rss|allocations|allocs|allocation rate|" +
            "gc pressure|gc allocations|footprint|working set|off-heap|memory leak|memory leaks|peak memory|" +
            "resident memory|ram usage|ram consumption|oom|ooms|out-of-memory|oom kills|oom-kills|garbage|gc|" +
            "memory consumption|memory use|heap allocations|memory-efficient|leaks|leak");
        Add(Cue.Metric, Metric.Cpu,
            "cpu|cpu usage|cpu utilization|cpu utilisation|cpu time|cpu load|cpu cycles|" +
            "load average|core hours|core-hours|cpu-hours|cpu hours|gc time|cpu consumption|cpu use|cpu-bound|cpu spikes");
        Add(Cue.WeakMetric, Metric.Cpu, "compute|utilization|utilisation|cores");
        Add(Cue.Metric | Cue.Infra, Metric.Cost,
            "cost|costs|spend|spending|aws bill|cloud bill|cloud spend|cloud costs|cloud cost|infrastructure cost|" +
            "infrastructure costs|infra cost|infra costs|compute cost|compute costs|hosting cost|hosting costs|" +
            "aws costs|aws cost|aws spend|gcp costs|gcp bill|azure costs|azure bill|storage costs|storage cost|egress costs|" +
            "egress cost|bill|server costs|database costs|logging costs|datadog bill|cheaper||spend on");
        Add(Cue.Infra, Metric.None,
            "aws|gcp|azure|cloud|infra|infrastructure|hosting|ec2|lambda|kubernetes|k8s|s3|egress|instances|servers|" +
            "nodes|cluster|clusters|fleet|compute|storage|snowflake|bigquery|datadog|cdn");
        Add(Cue.Metric, Metric.ErrorRate,
            "error rate|error rates|errors|5xx|5xxs|5xx errors|5xx rate|500s|http 500s|timeouts|timeout rate|" +
            "failure rate|failed requests|crash rate|crashes|crash-free|packet loss|dropped requests|" +
            "dropped messages|drop rate|retry rate|anr rate|anrs||request failures");
        Add(Cue.Metric, Metric.Size,
            "bundle size|bundle sizes||js bundle|javascript bundle|binary size|" +
            "image size|image sizes|docker image|docker images|container image|container images|" +
            "payload size||artifact size|apk size|app size|download size|page weight|" +
            "transfer size|response size|response sizes|index size|storage footprint|disk usage|disk space|" +
            "database size|db size|log volume|package size|install size|jar size|lambda package|asset size|" +
            "message size|snapshot size");
        Add(Cue.Metric, Metric.Other,
            "cache hit rate|cache hit ratio|hit rate|hit ratio|cache hits|uptime|availability|battery|battery life|" +
            "battery drain|power consumption|power draw|energy usage|energy use|disk i/o|i/o|io wait|iowait|" +
            "network usage|jank|dropped frames|frame drops|cache misses|cache miss rate|context switches|lock contention|" +
            "");
        Add(Cue.Skill, Metric.Other,
            "performance|perf|optimized|optimize|optimizes|optimizing|optimization|optimizations|optimised|optimise|" +
            "optimising|optimisation|optimisations|profiling|profiled|profiler|profilers|flame graph|flame graphs|" +
            "flamegraph|flamegraphs|tuning|tuned|tune|benchmark|benchmarks|benchmarking|benchmarked|load testing|" +
            "load test|load tests|load-testing|load-tested|stress testing|stress test|stress tests|perf testing|" +
            "performance testing|capacity planning|high-performance|high performance|low-latency|low latency|" +
            "high-throughput|high throughput|scalability|scalable|scaled|scaling|bottleneck|bottlenecks|hot path|" +
            "hot paths|hotspot|hotspots|caching|performant|responsiveness|n+1|query optimization|jvm tuning|" +
            "gc tuning|vectorized|vectorization|simd|lock-free|zero-copy|memoization|lazy loading|lazy-loading|" +
            "code splitting|code-splitting|tree shaking|tree-shaking|latency-sensitive|performance-critical|" +
            "||speed|perf regressions|" +
            "memory profiling|cpu profiling|heap dumps|heap dump||");
        Add(Cue.WeakMetric, Metric.Size, "egress|transfer|transfers|data transfer|network transfer|firmware|firmware image|wire");
        Add(Cue.Metric, Metric.Throughput, "bitrate|bitrates|bit rate|bit rates");

        // Outcomes people state without a performance word: still a performance claim, still with no number.
        Add(Cue.Metric, Metric.Latency,
            "feel instant|feels instant|felt instant|load instantly|loads instantly|opens instantly|open instantly|" +
            "respond instantly|responds instantly|load right away|loads right away|open right away|opens right away|" +
            "snappy|laggy|lagging|hanging|hangs|froze|freezes|freezing|stutter|stutters|stuttering|used to crawl|" +
            "spinner|spinners|janky");
        Add(Cue.Metric, Metric.ErrorRate, "timed out|timing out|time out|times out");
        Add(Cue.Business, Metric.None,
            "instant messaging|instant messages|instant payments|knowledge transfer|wire transfer|wire transfers|" +
            "code freeze|code freezes|hiring freeze|" +
            "course|courses|workshop|workshops|bootcamp|bootcamps|lecture|lectures|seminar|seminars|" +
            "meetings|standups|curriculum|internship|internships|conference|conferences|meetup|meetups|time zones|timezones|offsite");
        Add(Cue.WeakMetric, Metric.Size,
            "bundle|bundles|binary|binaries|artifact|artifacts|assets|jar|payload|payloads|wasm|apk|ipa|image|images");
        Add(Cue.WeakMetric, Metric.Throughput, "capacity|traffic|concurrency|load|volume|scale");
        Add(Cue.WeakMetric, Metric.Cpu, "cycles|instructions");
        Add(Cue.WeakMetric, Metric.Other, "slo|slos|sla|slas");
        Add(Cue.Metric, Metric.Other, "energy usage|energy use|energy consumption");
        Add(Cue.Business, Metric.None, "direct reports|speed to market|energy|ticket|support ticket|ticket volume|manual|refunds|hackathon");
        Add(Cue.WeakMetric, Metric.Duration, "ci|ci/cd|unit tests|integration tests|e2e tests|end-to-end tests|unit test|integration test");
        Add(Cue.WeakMetric, Metric.Size, "installer|installers|download|downloads|package|packages");
        Add(Cue.Weak | Cue.Skill, Metric.Other, "fast|slow|slowness|sluggish");
        Add(Cue.Tool, Metric.None, "gprof|perfetto|instruments.app");
        Add(Cue.Hardware, Metric.None, "moto|snapdragon|exynos|mediatek");
        Add(Cue.Data, Metric.None, "index|indexes|indices|row|line|record|document|event|message|file|table");
        Add(Cue.Weak | Cue.Skill, Metric.Other, "scaled|scaling|scale|tuned|tune|speed|speeds|accelerated|accelerate|accelerating|quickly");
        Add(Cue.Speed | Cue.Comparative, Metric.None,
            "faster|quicker|speedup|speedups|speed-up|speed-ups|sped up|speed up|speeding up|sped-up|accelerated|" +
            "accelerate|accelerating|snappier|slower|more responsive|quickly|speeds");
        Add(Cue.Down | Cue.Comparative, Metric.None,
            "less|lower|fewer|smaller|cheaper|shorter|reduction|reductions|decrease|decreases|decrease in|drop|drops|" +
            "savings|improvement|improvements|cut|cuts|lighter|leaner|slimmer|gain|gains|better|down|decline|off");
        Add(Cue.Up | Cue.Comparative, Metric.None,
            "more|higher|increase|increases|greater|bigger|larger|boost|boosts|up|uplift|growth");
        Add(Cue.Down, Metric.None,
            "reduced|reduce|reduces|reducing|cut|cutting|lowered|lower|lowering|decreased|decreasing|dropped|" +
            "shrank|shrunk|shrink|shrinking|trimmed|trim|eliminated|slashed|halved|brought|minimized|minimised|" +
            "saved|save|saving");
        Add(Cue.Up, Metric.None,
            "increased|increase|increasing|improved|improve|improving|raised|raise|boosted|boost|doubled|tripled|" +
            "quadrupled|grew|grow|scaled|scaling|expanded|maximized");
        Add(Cue.BaselineWord, Metric.None,
            "from|baseline|baselines|compared to|compared with|versus|vs|vs.|relative to|previously|was|prior|" +
            "down from|up from|before");
        Add(Cue.Level, Metric.None,
            "utilization|utilisation|usage|hit rate|hit ratio|uptime|availability|at|of|to|under|below|above|" +
            "around|reached|hit|sustained|peak|averaging|stays|stayed|kept|keeping|maintaining|maintained|" +
            "within|coverage|accuracy|precision|recall|score");

        Add(Cue.Business, Metric.None,
            "revenue|revenues|sales|arr|mrr|profit|profits|margin|margins|customers|customer|signups|sign-ups|" +
            "registrations|conversion|conversions|conversion rate|conversion rates|retention|churn|engagement|nps|" +
            "csat|satisfaction|adoption|team|teams|engineers|engineer|developers|people|interns|students|hires|" +
            "hiring|hired|recruiting|recruitment|recruited|interviews|interviewed|candidates|onboarding|onboarded|" +
            "coverage|test coverage|code coverage|years|sprint|sprints|velocity|story points|tickets|backlog|" +
            "budget|budgets|funding|stakeholders|mentored|mentoring|mentor|mentees|downloads|installs|stars|" +
            "github stars|performance review|performance reviews|performance management|performance improvement plan|" +
            "performance appraisal|performance appraisals|performance bonus|sales performance|team performance|" +
            "employee performance|high-performing|high performing|underperforming|ctr|click-through|" +
            "click-through rate|leads|deals|accounts|partners|vendors|compliance|audit|audits|mttr|mttd|mtta|" +
            "deployment frequency|deploy frequency|release frequency|release cadence|lead time|lead times|" +
            "cycle time|cycle times|time to market|time-to-market|time to hire|time-to-hire|turnaround|" +
            "turnaround time|features|accuracy|precision|recall|f1|bugs|defects|bug count|support tickets|" +
            "response rate|open rate|bounce rate|page views|pageviews|subscribers|members|countries|languages|" +
            "markets|stores|merchants|patients|gmv|recruiting cost|recruiting costs|recruitment cost|" +
            "recruitment costs|hiring cost|hiring costs|cost per hire|cost-per-hire|acquisition cost|" +
            "customer acquisition cost|cac|training costs|operating costs|operational costs|labor costs|vendor costs|" +
            "marketing spend|ad spend|travel costs|legal costs|support costs|licensing costs|marketing|" +
            "incidents|incident response|outages|escalations|churn rate|win rate|quota|pipeline revenue|" +
            "sales pipeline|hiring pipeline|users|user|active users|daily active users|monthly active users|dau|mau|" +
            "deliverables|deadlines|releases|release|clients|client|headcount|direct reports|courses|" +
            "certification|certifications|scholarship|gpa|grades|satisfaction score|productivity|delivery|" +
            "time to resolution|resolution time|first response time|ticket response time|support response time|" +
            "weeks|months|quarters|days|sla breaches|attrition|turnover|throughput of the team|team throughput|" +
            "code reviews|pull requests|prs|commits|manual work|manual effort|toil");
        Add(Cue.Tool, Metric.None,
            "wrk|wrk2|k6|jmeter|apache jmeter|gatling|locust|vegeta|hyperfine|benchmarkdotnet|jmh|pprof|go pprof|" +
            "lighthouse|webpagetest|async-profiler|dotnet-trace|dotnet-counters|dotnet-gcdump|dotnet-dump|dotnet-monitor|perfnb|perfview|vtune|valgrind|cachegrind|" +
            "callgrind|massif|heaptrack|py-spy|scalene|cprofile|xcode instruments|android profiler|systrace|perfetto|" +
            "chrome devtools|devtools|bpftrace|yourkit|jprofiler|visualvm|jfr|java flight recorder|" +
            "pytest-benchmark|google benchmark|sysbench|fio|iperf|iperf3|pgbench|ycsb|redis-benchmark|memtier|" +
            "memtier_benchmark|artillery|siege|tsung|nbomber|bombardier|oha|apachebench|speedometer|geekbench|" +
            "mlperf|explain analyze|pg_stat_statements|linux perf|perf record|perf stat|perf top|perf trace|" +
            "criterion.rs|jest-bench|benchmark.js|tinybench|h2load|dotmemory|dottrace|ants profiler|" +
            "memory profiler|blackfire|xhprof|xdebug|superluminal|uftrace|ebpf|" +
            "|go test -bench|testing.b|spark ui|query profiler|sqlprofiler|" +
            "sql profiler|windows performance analyzer|etw|speedscope|clinic.js|autocannon|loadrunner|" +
            "neoload|blazemeter|taurus|sitespeed.io|bundlephobia|webpack-bundle-analyzer|source-map-explorer");
        Add(Cue.Hardware, Metric.None,
            "xeon|epyc|ryzen|threadripper|graviton|graviton2|graviton3|graviton4|i3|i5|i7|i9|core i7|core i9|" +
            "core i5|m1|m2|m3|m4|m1 pro|m1 max|m2 pro|m3 pro|m3 max|apple silicon|macbook|macbook pro|macbook air|" +
            "raspberry pi|pixel|iphone|galaxy|snapdragon|cortex|cortex-a53|cortex-a72|a100|h100|v100|t4|a10g|" +
            "rtx|gtx|tpu|jetson|ampere|altra|skylake|ice lake|sapphire rapids|zen2|zen3|zen4|moto g|" +
            "low-end android|chromebook||||single-core|single core|" +
            "one core|dual-core|quad-core|octa-core|single vcpu|one vcpu|pixel 3|pixel 4|pixel 6|iphone 8|" +
            "ipad|n1-standard|n2-standard|e2-standard|c2-standard|standard_d4s_v3|standard_d2s_v3|t2.micro|t3.micro|" +
            "t3.small|t3.medium|t2.small|t4g.small|t4g.micro|t3.nano|t2.nano");
        Add(Cue.HardwareNoun, Metric.None,
            "runners|runner|cores|core|vcpus|vcpu|cpus|threads|nodes|node|servers|server|instances|instance|machines|machine|vms|vm|" +
            "hosts|host|pods|pod|containers|container|gpus|gpu|boxes|box|brokers|replicas|workers|ram|memory|" +
            "laptop|desktop|phone|device|devices|droplet|droplets|cpu|socket|sockets|hyperthreads|executors|dynos");
        Add(Cue.Fleet, Metric.None,
            "cluster|clusters|fleet|fleets|globally|global|across|region|regions|datacenters|datacenter|cdn|edge|total|aggregate");
        Add(Cue.Data, Metric.None,
            "dataset|datasets|data|table|tables|corpus|file|files|logs|log|input|inputs|database|databases|db|" +
            "parquet|csv|json|documents|docs|records|rows|events|messages|objects|keys|entries|items|repository|" +
            "repo|monorepo|codebase|lines|loc|images|pages|tokens|videos|photos|emails|vectors|embeddings|" +
            "transactions|orders|products|skus|partitions|collections|graph|edges|vertices");
        Add(Cue.LoadPreposition, Metric.None,
            "under|at|with|while|serving|during|@|handling|against|for|processing|across|on|" +
            "while serving|while handling|at peak|under load|load of|on a|over a|of");
        Add(Cue.Network, Metric.None,
            "http|https|api|apis|rest|grpc|endpoint|endpoints|service|services|microservice|microservices|network|" +
            "web|server|rpc|request|requests|http/2|http2|graphql|websocket|websockets|cross-region|internet|backend");
        // Mark the first word of every phrase with the longest phrase it starts, so that the scan only tries
        // two- and three-word look-ups where a phrase can begin.
        foreach (var phrase in d.Keys.Where(k => k.Contains(' ', StringComparison.Ordinal)).ToList())
        {
            var words = (byte)phrase.Split(' ').Length;
            var first = phrase[..phrase.IndexOf(' ', StringComparison.Ordinal)];
            d[first] = d.TryGetValue(first, out var old)
                ? old with { PhraseWords = Math.Max(old.PhraseWords, words) }
                : new Lexeme(Cue.None, Metric.None, words);
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
