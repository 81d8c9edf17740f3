using PerfNotebooks.Load;
using PerfNotebooks.Profiling;
using PerfNotebooks.Tests.Fixtures;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>Profiles of a real sample server under real load: what the request and database counters add.</summary>
[Collection(ProfilingSessions.Name)]
[Trait("Category", "Live")]
public class SampleServerProfileTests(SlowDatabaseNPlusOneServer fixture) : IClassFixture<SlowDatabaseNPlusOneServer>
{
    [Fact]
    public async Task Profile_of_an_aspnet_server_reads_its_request_and_database_command_counters()
    {
        var profile = await ProfileUnderLoad(fix: false);

        Assert.Contains(profile.Counters, c => c.Name == "requests-per-second" && c.Provider == "Microsoft.AspNetCore.Hosting" && c.TotalAfterFirst > 0);
        Assert.Contains(profile.Counters, c => c.Name == "commands-per-second" && c.Provider == "PerfNotebooks.Data" && c.TotalAfterFirst > 0);
    }

    [Fact]
    public async Task Chatty_database_names_the_commands_per_request_of_an_async_n_plus_one()
    {
        var profile = await ProfileUnderLoad(fix: false);

        var finding = profile.Findings.SingleOrDefault(f => f.Rule == "chatty-database");
        Assert.True(finding is not null, $"chatty-database did not fire:\n{profile.ToTable(5)}");
        Assert.EndsWith("database commands per HTTP request (N+1-like)", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chatty_database_counts_about_one_command_per_request_once_fixed()
    {
        var profile = await ProfileUnderLoad(fix: true);

        Assert.DoesNotContain(profile.Findings, f => f.Title.Contains("per HTTP request", StringComparison.Ordinal));
    }

    private async Task<Profile> ProfileUnderLoad(bool fix)
    {
        var server = fixture.Server;
        await (fix ? server.Fix() : server.Break());
        var sampling = Profiler.Attach(server.Pid).Sample(TimeSpan.FromSeconds(4));
        var load = await LoadRunner.Run(server.TriggerUrl.ToString(), new LoadOptions { Connections = 4, Duration = TimeSpan.FromSeconds(4), Warmup = TimeSpan.Zero }, progress: null);
        Assert.True(load.Requests > 0, "the load reached no server");
        return await sampling;
    }
}
