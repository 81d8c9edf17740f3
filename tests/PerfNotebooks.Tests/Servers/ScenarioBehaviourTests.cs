using System.Globalization;
using System.Net;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Servers;

/// <summary>Each scenario's bug and fix, told apart over real HTTP by a figure the server itself reports.</summary>
[Trait("Category", "Live")]
public class ScenarioBehaviourTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(120) };

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Cpu_hotspot_bug_takes_many_times_as_long_as_the_fix_for_the_same_prime_count()
    {
        await using var server = await SampleServer.Start("cpu-hotspot");
        var buggy = await Json(server, "/cpu-intense?limit=1000000");
        await server.Fix();
        var fixedResult = await Json(server, "/cpu-intense?limit=1000000");

        Assert.Equal(78498, buggy.GetProperty("primesFound").GetInt32());
        Assert.Equal(78498, fixedResult.GetProperty("primesFound").GetInt32());
        // CPU-bound on the request thread: a loaded machine slows both alike; trial division is ~50x the sieve.
        Assert.True(buggy.GetProperty("durationMs").GetDouble() > 3 * fixedResult.GetProperty("durationMs").GetDouble());
    }

    [Fact]
    public async Task Memory_leak_bug_keeps_every_distinct_query_while_the_fix_stays_bounded()
    {
        await using var server = await SampleServer.Start("memory-leak");
        await SearchDistinct(server, "a", 150);
        var leaked = (await server.Stats()).CacheEntries;
        await server.Fix();
        await SearchDistinct(server, "b", 150);
        var bounded = (await server.Stats()).CacheEntries; // the gauge reports the served cache, a new one since Fix()

        Assert.Equal(150, leaked);
        Assert.InRange(bounded, 1, 100);
    }

    [Fact]
    public async Task Connection_leak_bug_exhausts_the_pool_after_failing_requests()
    {
        await using var server = await SampleServer.Start("connection-leak", extraArguments: ["--pool-size", "4"]);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await Status(server, "/orders/summary?userId=999999"));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Status(server, "/orders/summary?userId=42"));
        Assert.Equal(4, (await server.Stats()).DbOpenConnections);
    }

    [Fact]
    public async Task Connection_leak_fix_returns_connections_on_the_error_path()
    {
        await using var server = await SampleServer.Start("connection-leak", fixedBug: true, extraArguments: ["--pool-size", "4"]);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, await Status(server, "/orders/summary?userId=999999"));
        }

        Assert.Equal(HttpStatusCode.OK, await Status(server, "/orders/summary?userId=42"));
        Assert.Equal(0, (await server.Stats()).DbOpenConnections);
    }

    [Fact]
    public async Task Threadpool_starvation_bug_makes_the_pool_grow_threads_the_fix_does_not_need()
    {
        // Fixed first: pool threads linger after a burst, so the buggy burst must come second.
        await using var server = await SampleServer.Start("threadpool-starvation", fixedBug: true);
        await Burst(server, "/quote?userId=42", 48);
        var fixedThreads = (await server.Stats()).ThreadPoolThreads;
        await server.Break();
        await Burst(server, "/quote?userId=42", 48);
        var buggyThreads = (await server.Stats()).ThreadPoolThreads;

        Assert.True(buggyThreads >= fixedThreads + 8, $"buggy {buggyThreads} pool threads vs fixed {fixedThreads}");
    }

    [Fact]
    public async Task Lock_contention_bug_makes_requests_wait_on_the_global_lock()
    {
        // Contentions per request under the same closed loop, not per burst: a loaded machine can serialize a burst
        // of 32 requests so that few of them ever meet at the lock.
        await using var server = await SampleServer.Start("lock-contention", fixedBug: true);
        var fixedRate = await ContentionsPerRequest(server);
        await server.Break();
        var buggyRate = await ContentionsPerRequest(server);

        Assert.True(buggyRate > 2 * fixedRate + 0.02, $"buggy {buggyRate:0.###} contentions per request vs fixed {fixedRate:0.###}");
    }

    [Fact]
    public async Task Allocation_heavy_bug_allocates_many_times_more_for_the_same_csv()
    {
        await using var server = await SampleServer.Start("allocation-heavy");
        var (buggyCsv, buggyBytes) = await Csv(server);
        await server.Fix();
        var (fixedCsv, fixedBytes) = await Csv(server);

        Assert.Equal(buggyCsv, fixedCsv);
        Assert.Equal(501, buggyCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(buggyBytes > 10 * fixedBytes, $"buggy {buggyBytes} B vs fixed {fixedBytes} B");
    }

    [Theory]
    [MemberData(nameof(ScenarioChecks.BadInputs), MemberType = typeof(ScenarioChecks))]
    public async Task Scenario_serves_buggy_and_fixed_on_sqlite_and_answers_400_naming_a_bad_parameter(string scenario, string badPathAndQuery, string parameter)
    {
        await using var server = await SampleServer.Start(scenario);

        await ScenarioChecks.ServesBothModesAndRejects(server, _http, badPathAndQuery, parameter);
    }

    private async Task<System.Text.Json.JsonElement> Json(SampleServer server, string pathAndQuery) =>
        System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync(server.UrlFor(pathAndQuery))).RootElement.Clone();

    private async Task<HttpStatusCode> Status(SampleServer server, string pathAndQuery)
    {
        using var response = await _http.GetAsync(server.UrlFor(pathAndQuery));
        return response.StatusCode;
    }

    private async Task SearchDistinct(SampleServer server, string prefix, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await _http.GetAsync(server.UrlFor($"/search?q={prefix}{i}"));
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task<double> ContentionsPerRequest(SampleServer server)
    {
        var before = (await server.Stats()).LockContentions;
        var run = await PerfNotebooks.Load.Load.Run(server.UrlFor("/risk-score?userId=42").ToString(), connections: 16, duration: TimeSpan.FromSeconds(1.5), warmup: TimeSpan.Zero);
        var after = (await server.Stats()).LockContentions;
        Assert.True(run.Requests > 0 && run.Errors.Total == 0, $"the lock-contention server answered {run.Requests} requests, errors: {run.Errors}");
        return (double)(after - before) / run.Requests;
    }

    private async Task Burst(SampleServer server, string pathAndQuery, int concurrent)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => _http.GetAsync(server.UrlFor(pathAndQuery))));
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }
    }

    private async Task<(string Csv, long Allocated)> Csv(SampleServer server)
    {
        using var response = await _http.GetAsync(server.UrlFor("/export/orders.csv?rows=500"));
        response.EnsureSuccessStatusCode();
        var allocated = long.Parse(response.Headers.GetValues("X-Allocated-Bytes").Single(), CultureInfo.InvariantCulture);
        return (await response.Content.ReadAsStringAsync(), allocated);
    }
}
