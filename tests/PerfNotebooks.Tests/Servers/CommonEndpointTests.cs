using System.Net;
using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

[Trait("Category", "Live")]
public class CommonEndpointTests(NPlusOneServer fixture) : IClassFixture<NPlusOneServer>
{
    [Fact]
    public async Task Health_reports_ok_with_scenario_and_database()
    {
        var health = await fixture.GetJson("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("n-plus-one", health.GetProperty("scenario").GetString());
        Assert.Equal("sqlite", health.GetProperty("db").GetString());
    }

    [Fact]
    public async Task Metrics_export_request_durations_by_route_and_queries_per_request()
    {
        await fixture.GetJson("/users?ids=1,2");

        var metrics = await fixture.Server.Metrics();

        Assert.Contains("http_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("endpoint=\"/users\"", metrics, StringComparison.Ordinal);
        Assert.Contains("perfnb_db_queries_per_request_count{route=\"/users\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("perfnb_db_connections_open", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debug_stats_are_the_server_process_own_figures()
    {
        var stats = await fixture.Server.Stats();

        Assert.Equal(fixture.Server.Pid, stats.Pid);
        Assert.True(stats.WorkingSetBytes > 0);
        Assert.True(stats.ThreadPoolThreads > 0);
        Assert.Equal(16, stats.DbPoolSize);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("five")]
    public async Task Debug_profile_answers_400_for_a_duration_outside_1_to_30_seconds(string seconds)
    {
        using var response = await fixture.Http.PostAsync(fixture.Server.UrlFor("/debug/profile?seconds=" + seconds), null);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("seconds", error.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Debug_profile_records_an_eventpipe_trace_of_the_server()
    {
        using var response = await fixture.Http.PostAsync(fixture.Server.UrlFor("/debug/profile?seconds=1"), null);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var path = result.GetProperty("path").GetString()!;

        try
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(new FileInfo(path).Length > 1000);
            // A nettrace file starts with the "Nettrace" magic.
            var magic = new byte[8];
            await using (var file = File.OpenRead(path))
            {
                await file.ReadExactlyAsync(magic);
            }

            Assert.Equal("Nettrace"u8.ToArray(), magic);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Stopping_the_server_without_its_key_is_refused()
    {
        using var unkeyed = await fixture.Http.PostAsync(fixture.Server.UrlFor("/admin/stop"), null);
        var after = await fixture.GetJson("/admin/mode"); // still answering

        Assert.Equal(HttpStatusCode.Forbidden, unkeyed.StatusCode);
        Assert.Equal("n-plus-one", after.GetProperty("scenario").GetString());
    }

    [Fact]
    public async Task Admin_mode_follows_fix_and_break()
    {
        await fixture.Server.Fix();
        var afterFix = await fixture.GetJson("/admin/mode");
        await fixture.Server.Break();
        var afterBreak = await fixture.GetJson("/admin/mode");

        Assert.Equal("fixed", afterFix.GetProperty("mode").GetString());
        Assert.Equal("buggy", afterBreak.GetProperty("mode").GetString());
    }
}
