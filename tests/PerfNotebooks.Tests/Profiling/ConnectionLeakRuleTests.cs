using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>The connection-leak rule on profiles built from known counter series.</summary>
public class ConnectionLeakRuleTests
{
    [Fact]
    public void Fires_when_connections_stay_busy_with_no_request_in_flight()
    {
        var profile = WithCounters(busy: [8, 8, 8, 8], inFlight: [0, 0, 0, 0]);

        var finding = new ConnectionLeakRule().Check(profile);

        Assert.NotNull(finding);
        Assert.Equal("8 database connections busy with 0 requests in flight (connection leak)", finding.Title);
    }

    [Fact]
    public void Fires_when_the_pool_is_full_and_requests_wait_for_it()
    {
        var profile = WithCounters(busy: [8, 8, 8, 8], inFlight: [4, 4, 3, 4]);

        Assert.NotNull(new ConnectionLeakRule().Check(profile));
    }

    [Fact]
    public void Stays_quiet_when_each_request_in_flight_holds_one_connection()
    {
        var profile = WithCounters(busy: [4, 3, 4, 4], inFlight: [4, 4, 4, 4]);

        Assert.Null(new ConnectionLeakRule().Check(profile));
    }

    [Fact]
    public void Stays_quiet_when_connections_all_go_back_during_the_session()
    {
        // A burst of background work, then the pool is empty again.
        var profile = WithCounters(busy: [6, 6, 0, 0], inFlight: [0, 0, 0, 0]);

        Assert.Null(new ConnectionLeakRule().Check(profile));
    }

    [Fact]
    public void Stays_quiet_without_a_request_counter()
    {
        var profile = CounterProfiles.With(CounterProfiles.Series("busy-connections", "Npgsql", 8, 8, 8));

        Assert.Null(new ConnectionLeakRule().Check(profile));
    }

    private static Profile WithCounters(double[] busy, double[] inFlight) =>
        CounterProfiles.With(CounterProfiles.Series("busy-connections", "Npgsql", busy), CounterProfiles.Series("current-requests", "Microsoft.AspNetCore.Hosting", inFlight));
}
