using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>The counter evidence of the chatty-database rule, on profiles built from known counter series.</summary>
public class ChattyDatabaseRuleTests
{
    [Fact]
    public void Fires_when_requests_make_dozens_of_database_commands_each()
    {
        var profile = WithCounters(requestsPerSecond: [500, 60, 60, 60], commandsPerSecond: [20_000, 2460, 2460, 2460]);

        var finding = new ChattyDatabaseRule().Check(profile);

        Assert.NotNull(finding);
        Assert.Equal("41 database commands per HTTP request (N+1-like)", finding.Title);
    }

    [Fact]
    public void Stays_quiet_when_each_request_makes_one_command()
    {
        var profile = WithCounters(requestsPerSecond: [500, 2400, 2500, 2450], commandsPerSecond: [20_000, 2400, 2500, 2450]);

        Assert.Null(new ChattyDatabaseRule().Check(profile));
    }

    [Fact]
    public void Ignores_the_first_interval_which_can_hold_everything_since_start_up()
    {
        // 1,000 commands before the session for 10 requests, then one command per request.
        var profile = WithCounters(requestsPerSecond: [10, 100, 100], commandsPerSecond: [1000, 100, 100]);

        Assert.Null(new ChattyDatabaseRule().Check(profile));
    }

    [Fact]
    public void Stays_quiet_on_a_handful_of_requests()
    {
        var profile = WithCounters(requestsPerSecond: [0, 3, 2], commandsPerSecond: [0, 120, 80]);

        Assert.Null(new ChattyDatabaseRule().Check(profile));
    }

    [Fact]
    public void Stays_quiet_without_request_counters()
    {
        var profile = CounterProfiles.With(CounterProfiles.Series("commands-per-second", "Npgsql", 0, 5000, 5000));

        Assert.Null(new ChattyDatabaseRule().Check(profile));
    }

    [Fact]
    public void Evidence_names_the_driver_that_counted_the_commands()
    {
        var profile = WithCounters(requestsPerSecond: [0, 50, 50], commandsPerSecond: [0, 1000, 1000]);

        var finding = new ChattyDatabaseRule().Check(profile);

        Assert.NotNull(finding);
        Assert.Contains(finding.Evidence, e => e.Contains("20.0 per request", StringComparison.Ordinal) && e.Contains("Npgsql", StringComparison.Ordinal));
    }

    private static Profile WithCounters(double[] requestsPerSecond, double[] commandsPerSecond) =>
        CounterProfiles.With(CounterProfiles.Series("requests-per-second", "Microsoft.AspNetCore.Hosting", requestsPerSecond), CounterProfiles.Series("commands-per-second", "Npgsql", commandsPerSecond));
}
