using System.Globalization;
using System.Net;
using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

/// <summary>
/// What every Go and Node sample server must do as the ASP.NET one does: the bug observable and gone when fixed,
/// JSON 400s for bad input, the admin and debug endpoints, /metrics, and loopback only. One subclass per runtime.
/// </summary>
public abstract class PolyglotServerContract(PolyglotSampleServer users, PolyglotSampleServer primes)
{
    private const string TwentyIds = "/users?ids=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20";

    /// <summary>A series only this runtime's own Prometheus client exports, e.g. go_goroutines.</summary>
    protected abstract string RuntimeSeries { get; }

    [Fact]
    public async Task N_plus_one_buggy_makes_a_query_per_user_and_per_user_orders_and_fixed_makes_one()
    {
        await users.Server.Break();
        var before = await users.Server.Stats();
        var buggy = await users.Get(TwentyIds);
        var between = await users.Server.Stats();
        await users.Server.Fix(); // serving the reference asks the trigger URL once: counted before `served`
        var served = await users.Server.Stats();
        var fixedReply = await users.Get(TwentyIds);
        var after = await users.Server.Stats();
        await users.Server.Break();

        Assert.Equal(40, buggy.Queries);
        Assert.Equal(1, fixedReply.Queries);
        // The process-wide counter agrees with the per-request header.
        Assert.Equal(40, between.DbQueries - before.DbQueries);
        Assert.Equal(1, after.DbQueries - served.DbQueries);
    }

    [Fact]
    public async Task N_plus_one_fix_changes_the_query_count_not_the_answer()
    {
        await users.Server.Break();
        var buggy = await users.Get("/users?ids=7,3,4999,3,123456");
        await users.Server.Fix();
        var fixedReply = await users.Get("/users?ids=7,3,4999,3,123456");
        await users.Server.Break();

        Assert.Equal(200, buggy.Status);
        Assert.Equal(buggy.Body, fixedReply.Body);
        // Asked order kept, the duplicate dropped, the unknown id absent.
        var ids = JsonDocument.Parse(buggy.Body).RootElement.EnumerateArray().Select(u => u.GetProperty("id").GetInt64());
        Assert.Equal([7L, 3L, 4999L], ids);
    }

    [Fact]
    public async Task Cpu_hotspot_buggy_costs_far_more_cpu_per_request_than_fixed_for_the_same_answer()
    {
        await primes.Server.Break();
        var (buggyCpu, buggy) = await CpuPerRequest();
        await primes.Server.Fix();
        var (fixedCpu, fixedReply) = await CpuPerRequest();
        await primes.Server.Break();

        Assert.Equal(9592, buggy.GetProperty("primesFound").GetInt32());
        Assert.Equal(9592, fixedReply.GetProperty("primesFound").GetInt32());
        Assert.Equal("buggy", buggy.GetProperty("mode").GetString());
        Assert.Equal("fixed", fixedReply.GetProperty("mode").GetString());
        // CPU time, not wall time, so a busy machine does not blur it; the margin is wide (about 10x seen here).
        Assert.True(buggyCpu > 3 * fixedCpu, $"buggy {buggyCpu:0.00} ms CPU per request, fixed {fixedCpu:0.00} ms");
    }

    [Theory]
    [InlineData("/users", "ids")]
    [InlineData("/users?ids=abc", "ids")]
    [InlineData("/users?ids=0", "ids")]
    [InlineData("/users?ids=1,-2", "ids")]
    [InlineData("/users?ids=99999999999", "ids")]
    [InlineData("/cpu-intense?limit=1", "limit")]
    [InlineData("/cpu-intense?limit=ten", "limit")]
    [InlineData("/cpu-intense?limit=5&limit=6", "limit")]
    public async Task Bad_input_gets_a_400_with_a_json_error_naming_the_parameter(string pathAndQuery, string parameter)
    {
        var server = pathAndQuery.StartsWith("/users", StringComparison.Ordinal) ? users : primes;

        var (status, _, body) = await server.Get(pathAndQuery);

        Assert.Equal(400, status);
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Contains(parameter, error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_ids_and_an_over_long_query_string_get_400s_not_5xx()
    {
        var tooMany = await users.Get("/users?ids=" + string.Join(',', Enumerable.Range(1, 1001)));
        var tooLong = await users.Get("/users?ids=1&pad=" + new string('x', 200_000));

        Assert.Equal(400, tooMany.Status);
        Assert.Contains("at most 1000", tooMany.Body, StringComparison.Ordinal);
        Assert.Equal(400, tooLong.Status);
        Assert.Equal("query string", JsonDocument.Parse(tooLong.Body).RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Metrics_export_queries_per_request_by_route_and_the_runtime_own_series()
    {
        await users.Get("/users?ids=1,2");

        var metrics = await users.Server.Metrics();

        Assert.Contains("perfnb_db_queries_per_request_count{route=\"/users\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("perfnb_db_connections_open", metrics, StringComparison.Ordinal);
        Assert.Contains(RuntimeSeries, metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debug_stats_are_the_server_process_own_figures()
    {
        var raw = await users.GetJson("/debug/stats");
        var stats = await users.Server.Stats();

        Assert.Equal(users.Runtime, raw.GetProperty("runtime").GetString());
        Assert.Equal(users.Server.Pid, stats.Pid);
        Assert.Equal("n-plus-one", stats.Scenario);
        Assert.True(stats.WorkingSetBytes > 1_000_000);
        Assert.True(stats.CpuTimeMs > 0);
        Assert.True(stats.ManagedHeapBytes > 0);
        Assert.True(stats.ThreadCount > 0);
        Assert.Equal(16, stats.DbPoolSize);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("five")]
    public async Task Debug_profile_answers_400_for_a_duration_outside_1_to_30_seconds(string seconds)
    {
        using var response = await users.Http.PostAsync(users.Server.UrlFor("/debug/profile?seconds=" + seconds), null);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("seconds", error.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/admin/stop")]
    public async Task Changing_the_server_without_its_key_is_refused_and_changes_nothing(string path)
    {
        var before = await users.GetJson("/admin/mode");
        using var unkeyed = await users.Http.PostAsync(users.Server.UrlFor(path), null);
        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, users.Server.UrlFor(path));
        wrongKey.Headers.Add("X-Exercise-Key", new string('0', 64));
        using var wrong = await users.Http.SendAsync(wrongKey);
        var after = await users.GetJson("/admin/mode"); // still answering: not stopped

        Assert.Equal(HttpStatusCode.Forbidden, unkeyed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(before.GetProperty("mode").GetString(), after.GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("/admin/fix")]
    [InlineData("/admin/break")]
    public async Task The_server_has_no_built_in_fix_to_switch_to_its_exercise_file_is_the_only_code(string path)
    {
        using var response = await users.Http.PostAsync(users.Server.UrlFor(path), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Admin_mode_follows_fix_and_break()
    {
        await users.Server.Fix();
        var afterFix = await users.GetJson("/admin/mode");
        await users.Server.Break();
        var afterBreak = await users.GetJson("/admin/mode");

        Assert.Equal("fixed", afterFix.GetProperty("mode").GetString());
        Assert.Equal("buggy", afterBreak.GetProperty("mode").GetString());
        Assert.Equal("n-plus-one", afterBreak.GetProperty("scenario").GetString());
    }

    [Fact]
    public void The_server_listens_on_127_0_0_1_only()
    {
        var port = users.Server.Url.Port;

        var listeners = LoopbackListeners.On(port);

        Assert.Equal("127.0.0.1", users.Server.Url.Host);
        Assert.NotEmpty(listeners);
        Assert.All(listeners, address => Assert.Equal(IPAddress.Loopback, address));
    }

    private async Task<(double CpuMsPerRequest, JsonElement Last)> CpuPerRequest()
    {
        const int requests = 10;
        // Warm the code path (JIT) and let Node finish collecting its start-up garbage (?collect=1; Go ignores it)
        // before the clock starts, so neither lands in the first measured requests.
        for (var i = 0; i < 3; i++)
        {
            await primes.GetJson("/cpu-intense?limit=100000");
        }

        await primes.GetJson("/debug/stats?collect=1");
        var before = await primes.Server.Stats();
        JsonElement last = default;
        for (var i = 0; i < requests; i++)
        {
            last = await primes.GetJson("/cpu-intense?limit=100000");
        }

        var after = await primes.Server.Stats();
        return ((after.CpuTimeMs - before.CpuTimeMs) / requests, last);
    }
}

/// <summary>The local addresses of the listening TCP sockets on a port, read from the kernel's /proc/net/tcp tables.</summary>
internal static class LoopbackListeners
{
    public static IReadOnlyList<IPAddress> On(int port)
    {
        var found = new List<IPAddress>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                // State 0A is LISTEN.
                if (fields[3] == "0A" && int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    found.Add(Address(local[0]));
                }
            }
        }

        return found;
    }

    // The kernel prints each 32-bit word of the address in host (little-endian) order.
    private static IPAddress Address(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var i = 0; i < bytes.Length; i += 4)
        {
            Array.Reverse(bytes, i, 4);
        }

        var address = new IPAddress(bytes);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
