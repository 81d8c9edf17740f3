using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

public class NodeServerContractTests(NodeNPlusOneServer users, NodeCpuHotspotServer primes)
    : PolyglotServerContract(users, primes), IClassFixture<NodeNPlusOneServer>, IClassFixture<NodeCpuHotspotServer>
{
    protected override string RuntimeSeries => "nodejs_heap_size_used_bytes";
}

public class NodeServerTests(NodeCpuHotspotServer primes) : IClassFixture<NodeCpuHotspotServer>
{
    [Fact]
    public async Task Debug_profile_records_a_v8_cpu_profile_naming_the_exercise_files_prime_count_under_load()
    {
        await primes.Server.Break();
        using var load = new CancellationTokenSource();
        var busy = GoServerTests.KeepBusy(primes, "/cpu-intense?limit=100000", load.Token);

        using var response = await primes.Http.PostAsync(primes.Server.UrlFor("/debug/profile?seconds=2"), null);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        await load.CancelAsync();
        await busy;
        var path = result.GetProperty("path").GetString()!;
        try
        {
            Assert.Equal("cpuprofile", result.GetProperty("format").GetString());
            Assert.EndsWith(".cpuprofile", path, StringComparison.Ordinal);
            var profile = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement;
            var functions = profile.GetProperty("nodes").EnumerateArray()
                .Select(n => n.GetProperty("callFrame").GetProperty("functionName").GetString()).ToHashSet();
            Assert.Contains("countPrimes", functions);
            Assert.True(profile.GetProperty("samples").GetArrayLength() > 10);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class NodeMemoryLeakTests(NodeMemoryLeakServer search) : IClassFixture<NodeMemoryLeakServer>
{
    private const int DistinctQueries = 300;

    [Fact]
    public async Task Buggy_cache_keeps_every_distinct_query_and_grows_the_heap_while_a_full_fixed_cache_stops_growing()
    {
        await search.Server.Break();
        var (buggyEntries, buggyGrowth) = await Flood("buggy", DistinctQueries);
        await search.Server.Fix();
        var (filled, _) = await Flood("fill", 120); // fills the bounded cache to its 100 entries
        var (fixedEntries, fixedGrowth) = await Flood("fixed", DistinctQueries);
        await search.Server.Break();

        Assert.Equal(DistinctQueries, buggyEntries);
        // Bounded: however many distinct searches came, the fixed cache holds at most 100 of them.
        Assert.InRange(filled + fixedEntries, 1, 100);
        // About 2 KB retained per cached search (a 20-user JSON string): the bug keeps all of them; a full bounded
        // cache trades old entries for new ones and retains about nothing more.
        Assert.True(buggyGrowth > DistinctQueries * 1000, $"buggy retained heap grew {buggyGrowth:N0} bytes");
        Assert.True(buggyGrowth > 3 * fixedGrowth, $"buggy grew {buggyGrowth:N0} bytes, fixed {fixedGrowth:N0}");
    }

    [Fact]
    public async Task A_repeated_search_is_a_cache_hit_with_the_same_body()
    {
        using var first = await search.Http.GetAsync(search.Server.UrlFor("/search?q=grace"));
        using var second = await search.Http.GetAsync(search.Server.UrlFor("/search?q=grace"));
        var body = await second.Content.ReadAsStringAsync();

        Assert.Equal(await first.Content.ReadAsStringAsync(), body);
        Assert.Equal("hit", second.Headers.GetValues("X-Cache").Single());
        var users = JsonDocument.Parse(body).RootElement.GetProperty("users").EnumerateArray().ToList();
        Assert.NotEmpty(users);
        Assert.All(users, u => Assert.StartsWith("grace", u.GetProperty("name").GetString()!.ToLowerInvariant(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=")]
    [InlineData("/search?q=a&q=b")]
    public async Task A_missing_or_repeated_q_gets_a_400_naming_it(string pathAndQuery)
    {
        var (status, _, body) = await search.Get(pathAndQuery);

        Assert.Equal(400, status);
        Assert.Equal("q", JsonDocument.Parse(body).RootElement.GetProperty("parameter").GetString());
    }

    /// <summary>Sends distinct searches (each a new cache key) and returns the cache entries added and the retained-heap growth.</summary>
    private async Task<(long Entries, long Growth)> Flood(string tag, int count)
    {
        var before = await search.GetJson("/debug/stats?collect=1");
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var (status, _, body) = await search.Get($"/search?q=a&page={tag}{i}");
                Assert.True(status == 200, body);
            }
            finally
            {
                gate.Release();
            }
        }));
        var after = await search.GetJson("/debug/stats?collect=1");
        return (Figure(after, "cacheEntries") - Figure(before, "cacheEntries"), Figure(after, "managedHeapBytes") - Figure(before, "managedHeapBytes"));
    }

    private static long Figure(JsonElement stats, string name) => stats.GetProperty(name).GetInt64();
}
