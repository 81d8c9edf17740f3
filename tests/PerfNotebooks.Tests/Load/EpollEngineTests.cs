using PerfNotebooks.Load;
using PerfNotebooks.Tests.Fixtures;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Tests.Load;

/// <summary>The epoll engine (an event loop per core over raw sockets) keeps the contract of the other engines.</summary>
[Trait("Category", "Live")]
public class EpollEngineTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    private static Task<LoadResult> Run(string url, int connections = 2, double seconds = 1, TimeSpan? timeout = null, double warmup = 0) =>
        LoadRunner.Run(url, new LoadOptions
        {
            Connections = connections,
            Duration = TimeSpan.FromSeconds(seconds),
            Warmup = TimeSpan.FromSeconds(warmup),
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
            Engine = LoadEngine.Epoll,
        }).WaitAsync(Generous);

    [Fact]
    public async Task It_counts_every_reply_the_server_sent_inside_the_window()
    {
        await using var server = new TinyHttpServer();

        var run = await Run(server.Url(), connections: 3);

        Assert.True(run.Requests > 10, $"only {run.Requests} requests");
        Assert.True(run.Requests <= server.Requests, $"{run.Requests} counted, {server.Requests} served");
        Assert.Equal(0, run.Errors.Total);
        Assert.True(run.Latency!.P50 > 0);
    }

    [Theory]
    [InlineData("/chunked")]
    [InlineData("/close")]
    public async Task Chunked_replies_and_connection_close_are_read_to_their_end_without_errors(string path)
    {
        await using var server = new TinyHttpServer();

        var run = await Run(server.Url(path));

        Assert.True(run.Requests > 10, $"only {run.Requests} requests");
        Assert.Equal(0, run.Errors.Total);
    }

    [Fact]
    public async Task Error_statuses_are_counted_by_code()
    {
        await using var server = new TinyHttpServer();

        var run = await Run(server.Url("/status/503"));

        Assert.True(run.Requests > 0);
        Assert.Equal(run.Requests, run.Errors.Status[503]);
    }

    [Fact]
    public async Task A_server_that_never_replies_gives_timeouts_not_a_hang()
    {
        await using var server = new TinyHttpServer();

        var run = await Run(server.Url("/hang"), seconds: 2, timeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal(0, run.Requests);
        Assert.True(run.Errors.Timeout >= 2, $"timeouts: {run.Errors.Timeout}");
    }

    [Fact]
    public async Task A_server_that_dies_mid_run_ends_the_run_with_what_was_measured()
    {
        var server = new TinyHttpServer();
        var running = Run(server.Url(), connections: 4, seconds: 30);
        await Task.Delay(1000);
        server.Die();

        var run = await running;
        await server.DisposeAsync();

        Assert.Contains("stopped accepting connections", run.StoppedEarly ?? "", StringComparison.Ordinal);
        Assert.True(run.Requests > 0);
        Assert.True(run.Duration < TimeSpan.FromSeconds(25), $"ran {run.Duration}");
    }

    [Fact]
    public async Task The_request_goes_out_as_built_method_headers_and_body()
    {
        await using var server = new TinyHttpServer();

        await LoadRunner.Run(server.Url("/echo"), new LoadOptions
        {
            Connections = 1,
            Duration = TimeSpan.FromSeconds(1),
            Method = "POST",
            Headers = ["X-Test: yes"],
            Body = "{\"a\":1}",
            Engine = LoadEngine.Epoll,
        }).WaitAsync(Generous);

        Assert.StartsWith("POST /echo HTTP/1.1\r\n", server.LastRequest, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"a\":1}", server.LastRequest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_run_stops_at_once()
    {
        await using var server = new TinyHttpServer();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LoadRunner.Run(server.Url(), new LoadOptions
        {
            Connections = 2,
            Duration = TimeSpan.FromSeconds(30),
            Engine = LoadEngine.Epoll,
        }, cancellationToken: cancel.Token).WaitAsync(Generous));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
