using PerfNotebooks.Profiling;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>The connection-leak sample server, leaked dry and profiled: the counters name the leak.</summary>
[Collection(ProfilingSessions.Name)]
[Trait("Category", "Live")]
public class ConnectionLeakProfileTests
{
    private static readonly string[] SmallPool = ["--pool-size", "4", "--pool-timeout", "1s"];

    [Fact]
    public async Task Profile_of_a_server_whose_pool_leaked_dry_finds_the_connection_leak()
    {
        var profile = await ProfileAfterMissingUsers(fixedBug: false);

        var finding = profile.Findings.SingleOrDefault(f => f.Rule == "connection-leak");
        Assert.True(finding is not null, $"connection-leak did not fire; busy-connections: {Points(profile, "busy-connections")}; current-requests: {Points(profile, "current-requests")}");
        Assert.StartsWith("4 database connections busy", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_of_the_fixed_server_after_the_same_requests_has_no_leak()
    {
        var profile = await ProfileAfterMissingUsers(fixedBug: true);

        Assert.DoesNotContain(profile.Findings, f => f.Rule == "connection-leak");
    }

    private static async Task<Profile> ProfileAfterMissingUsers(bool fixedBug)
    {
        await using var server = await SampleServer.Start("connection-leak", fixedBug, extraArguments: SmallPool);
        using var http = new HttpClient();
        for (var i = 0; i < 6; i++)
        {
            (await http.GetAsync(server.UrlFor("/orders/summary?userId=999999"))).Dispose();
        }

        return await Profiler.Attach(server.Pid).Sample(TimeSpan.FromSeconds(3));
    }

    private static string Points(Profile profile, string counter) =>
        string.Join(", ", profile.Counters.Where(c => c.Name == counter).Select(c => $"{c.Provider}: [{string.Join(" ", c.Points.Select(p => p.Value))}]"));
}
