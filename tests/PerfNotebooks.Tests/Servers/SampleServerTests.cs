using System.Diagnostics;
using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

[Trait("Category", "Live")]
public class SampleServerTests
{
    [Fact]
    public async Task Start_rejects_an_unknown_scenario_listing_the_scenarios()
    {
        var error = await Assert.ThrowsAsync<BadInputException>(() => SampleServer.Start("n-plus-two"));

        Assert.Contains("n-plus-two", error.Message, StringComparison.Ordinal);
        Assert.All(SampleServer.Scenarios, s => Assert.Contains(s, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_rejects_a_database_that_is_neither_sqlite_nor_postgres()
    {
        var error = await Assert.ThrowsAsync<BadInputException>(() => SampleServer.Start("n-plus-one", database: "mysql://localhost/db"));

        Assert.Contains("mysql://localhost/db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_listens_on_loopback_and_reports_the_server_process()
    {
        await using var server = await SampleServer.Start("cpu-hotspot");
        using var process = Process.GetProcessById(server.Pid);

        Assert.Equal("127.0.0.1", server.Url.Host);
        Assert.False(process.HasExited);
        Assert.Equal(5000, server.Users);
        Assert.True(server.Orders > server.Users);
    }

    [Fact]
    public async Task Dispose_stops_the_server_process()
    {
        var server = await SampleServer.Start("cpu-hotspot");
        using var process = Process.GetProcessById(server.Pid);

        await server.DisposeAsync();

        Assert.True(process.WaitForExit(30_000));
    }

    [Fact]
    public async Task Fixed_at_start_serves_the_reference_fix_from_the_first_request()
    {
        await using var server = await SampleServer.Start("cpu-hotspot", fixedBug: true);
        using var http = new HttpClient();

        var body = await http.GetStringAsync(server.UrlFor("/cpu-intense?limit=1000"));

        Assert.True(server.IsFixed);
        Assert.Contains("\"mode\":\"fixed\"", body, StringComparison.Ordinal);
        Assert.Contains("\"primesFound\":168", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_scenario_has_a_trigger_path()
    {
        Assert.All(SampleServer.Scenarios, s => Assert.StartsWith("/", SampleScenarios.TriggerPath[s], StringComparison.Ordinal));
    }

    [Fact]
    public void Server_binary_is_found_from_the_test_assembly()
    {
        Assert.True(File.Exists(ServerBinary.Locate()));
        Assert.StartsWith(RepoPaths.Root, ServerBinary.Locate(), StringComparison.Ordinal);
    }
}
