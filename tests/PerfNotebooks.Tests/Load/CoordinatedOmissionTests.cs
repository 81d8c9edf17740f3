using PerfNotebooks.Load;
using PerfNotebooks.Tests.Fixtures;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Tests.Load;

/// <summary>
/// A 1 s server stall at 50 requests/s delays ~50 requests. The open loop must charge each of them
/// (latency from its scheduled time); a one-connection closed loop sees only the one request in flight.
/// </summary>
[Trait("Category", "Live")]
public class CoordinatedOmissionTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Open_loop_charges_a_stall_to_every_request_it_delayed()
    {
        await using var server = new TinyHttpServer();
        var running = LoadRunner.Run(server.Url(), connections: 4, rate: 50, duration: 4.Seconds());
        await Task.Delay(1500);
        server.Stall(1.Seconds());

        var run = await running.WaitAsync(Generous);

        // Requests scheduled in the first 0.6 s of the stall (~30) all waited at least 0.4 s.
        var latency = Assert.IsType<LatencySummary>(run.Latency);
        Assert.True(run.CountSlowerThan(400) >= 15, $"{run.CountSlowerThan(400)} requests >= 400 ms; p99 {latency.P99} ms");
        Assert.True(latency.P99 >= 400, $"p99 {latency.P99} ms");
    }

    [Fact]
    public async Task Open_loop_counts_requests_sent_late_behind_a_stall()
    {
        await using var server = new TinyHttpServer();
        var running = LoadRunner.Run(server.Url(), connections: 4, rate: 50, duration: 4.Seconds());
        await Task.Delay(1500);
        server.Stall(1.Seconds());

        var run = await running.WaitAsync(Generous);

        Assert.Equal("open", run.Mode);
        Assert.True(run.Late >= 15, $"late {run.Late}");
    }

    [Fact]
    public async Task Open_loop_counts_scheduled_requests_never_sent_as_dropped()
    {
        // One connection stuck on a server that never answers: ~100 requests are due in 2 s, a handful go out.
        await using var server = new TinyHttpServer();

        var run = await LoadRunner.Run(server.Url("/hang"), connections: 1, rate: 50, duration: 2.Seconds(), timeout: 500.Milliseconds()).WaitAsync(Generous);

        Assert.True(run.Dropped >= 50, $"dropped {run.Dropped}, timeouts {run.Errors.Timeout}");
        Assert.True(run.Errors.Timeout >= 1);
    }

    [Fact]
    public async Task Closed_loop_hides_a_stall_behind_the_one_request_in_flight()
    {
        // This is the coordinated omission the open loop corrects: the same stall barely shows here.
        await using var server = new TinyHttpServer();
        var running = LoadRunner.Run(server.Url("/sleep/20"), connections: 1, duration: 4.Seconds());
        await Task.Delay(1500);
        server.Stall(1.Seconds());

        var run = await running.WaitAsync(Generous);

        Assert.True(run.CountSlowerThan(400) <= 5, $"{run.CountSlowerThan(400)} requests >= 400 ms");
        Assert.True(run.CountSlowerThan(400) >= 1, "the stalled request itself must be recorded");
    }
}
