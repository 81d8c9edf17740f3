using PerfNotebooks.Load;
using PerfNotebooks.Tests.Fixtures;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Tests.Load;

[Trait("Category", "Live")]
public class LoadRunTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Closed_loop_counts_every_reply_without_errors()
    {
        await using var server = new TinyHttpServer();

        var run = await LoadRunner.Run(server.Url(), connections: 2, duration: 1.Seconds()).WaitAsync(Generous);

        Assert.Equal("closed", run.Mode);
        Assert.True(run.Requests > 10, $"only {run.Requests} requests");
        Assert.True(run.Requests <= server.Requests);
        Assert.Equal(0, run.Errors.Total);
    }

    [Fact]
    public async Task Chunked_replies_are_read_to_their_end()
    {
        await using var server = new TinyHttpServer();

        var run = await LoadRunner.Run(server.Url("/chunked"), connections: 1, duration: 1.Seconds()).WaitAsync(Generous);

        Assert.True(run.Requests > 10, $"only {run.Requests} requests");
        Assert.Equal(0, run.Errors.Total);
    }

    [Fact]
    public async Task Connection_close_replies_reconnect_without_errors()
    {
        await using var server = new TinyHttpServer();

        var run = await LoadRunner.Run(server.Url("/close"), connections: 2, duration: 1.Seconds()).WaitAsync(Generous);

        Assert.True(run.Requests > 10, $"only {run.Requests} requests");
        Assert.Equal(0, run.Errors.Total);
    }

    [Fact]
    public async Task Error_statuses_are_counted_by_code()
    {
        await using var server = new TinyHttpServer();

        var run = await LoadRunner.Run(server.Url("/status/503"), connections: 2, duration: 1.Seconds()).WaitAsync(Generous);

        Assert.True(run.Requests > 0);
        Assert.Equal(run.Requests, run.Errors.Status[503]);
        Assert.Equal(0, run.Errors.Connect + run.Errors.Read + run.Errors.Write + run.Errors.Timeout);
    }

    [Fact]
    public async Task A_server_that_never_replies_produces_timeout_errors_not_a_hang()
    {
        await using var server = new TinyHttpServer();

        var run = await LoadRunner.Run(server.Url("/hang"), connections: 2, duration: 2.Seconds(), timeout: 300.Milliseconds()).WaitAsync(Generous);

        Assert.Equal(0, run.Requests);
        Assert.True(run.Errors.Timeout >= 2, $"timeouts: {run.Errors.Timeout}");
    }

    [Fact]
    public async Task A_server_that_dies_mid_run_ends_the_run_with_what_was_measured()
    {
        var server = new TinyHttpServer();
        var running = LoadRunner.Run(server.Url(), connections: 4, duration: 30.Seconds());
        await Task.Delay(1000);
        server.Die();

        var run = await running.WaitAsync(Generous);
        await server.DisposeAsync();

        Assert.NotNull(run.StoppedEarly);
        Assert.Contains("stopped accepting connections", run.StoppedEarly, StringComparison.Ordinal);
        Assert.True(run.Requests > 0);
        Assert.True(run.Duration < 25.Seconds(), $"ran {run.Duration}");
    }

    [Fact]
    public async Task Nothing_listening_fails_with_a_message_naming_the_url()
    {
        int port;
        await using (var server = new TinyHttpServer())
        {
            port = server.Port;
        }

        var url = $"http://127.0.0.1:{port}/";
        var e = await Assert.ThrowsAsync<WorkFailedException>(() => LoadRunner.Run(url, duration: 1.Seconds()));

        Assert.Contains(url, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_server_with_a_self_signed_certificate_on_this_machine_is_loaded_over_tls()
    {
        await using var server = new TinyHttpsServer();

        // Only replies that complete inside the window count, and a cold TLS handshake (client and server JIT in
        // this process) can take seconds on a loaded machine: a run that got no reply at all was disturbed, not slow.
        var measured = await Remeasure.UntilUndisturbed(
            () => LoadRunner.Run(server.Url(), connections: 2, duration: 1.Seconds(), warmup: 1.Seconds()).WaitAsync(Generous),
            r => r.Requests == 0 && r.Errors.Total == 0 ? "no reply in the 1 s window" : null);
        var run = measured.Value;

        Assert.True(run.Requests > 10, $"only {run.Requests} requests in 1 s after a 1 s warm-up; errors: {run.Errors} {measured.Note}");
        Assert.Equal(0, run.Errors.Total);
        Assert.True(run.Requests <= server.Requests);
    }

    [Fact]
    public async Task Https_url_with_nothing_listening_fails_naming_the_url()
    {
        var e = await Assert.ThrowsAsync<WorkFailedException>(() => LoadRunner.Run("https://127.0.0.1:1/", duration: 1.Seconds()));

        Assert.Contains("https://127.0.0.1:1/", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Method_headers_and_body_are_sent_as_given()
    {
        await using var server = new TinyHttpServer();

        await LoadRunner.Run(server.Url("/echo"), connections: 1, duration: 1.Seconds(), method: "post", headers: ["X-Test: yes"], body: "{\"a\":1}").WaitAsync(Generous);

        Assert.StartsWith("POST /echo HTTP/1.1\r\n", server.LastRequest, StringComparison.Ordinal);
        Assert.Contains("X-Test: yes\r\n", server.LastRequest, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 7\r\n", server.LastRequest, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"a\":1}", server.LastRequest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warmup_requests_are_excluded_from_the_results()
    {
        await using var server = new TinyHttpServer();
        var started = DateTime.UtcNow;

        var run = await LoadRunner.Run(server.Url("/sleep/5"), connections: 2, duration: 1.Seconds(), warmup: 1.Seconds()).WaitAsync(Generous);

        // What arrived in the first second was certainly warm-up (the run began after `started`): none of it is recorded,
        // but for the request each connection had in flight when the warm-up ended. Counted by arrival, not by rate, so a
        // slow machine cannot fail it.
        var warmup = server.ArrivedBefore(started + 1.Seconds());
        Assert.True(warmup > 2, $"only {warmup} requests in the warm-up second");
        Assert.True(run.Requests <= server.Requests - warmup + 2, $"{run.Requests} recorded of {server.Requests} served, {warmup} of them during warm-up");
        Assert.Equal(1.Seconds(), run.Warmup);
    }

    [Fact]
    public async Task Per_second_series_adds_up_to_the_total()
    {
        await using var server = new TinyHttpServer();

        var run = await LoadRunner.Run(server.Url(), connections: 2, duration: 2.Seconds()).WaitAsync(Generous);

        Assert.Equal([1, 2], run.PerSecond.Select(s => s.Second));
        Assert.Equal(run.Requests, run.PerSecond.Sum(s => s.Requests));
    }

    [Fact]
    public async Task Per_second_frame_has_a_row_per_second_of_the_series()
    {
        await using var server = new TinyHttpServer();

        var run = await LoadRunner.Run(server.Url(), connections: 2, duration: 2.Seconds()).WaitAsync(Generous);

        var frame = run.PerSecondFrame();
        Assert.Equal(run.PerSecond.Count, frame.Rows.Count);
        Assert.Equal(run.Requests, frame.Columns["requests"].Cast<long>().Sum());
    }

    [Fact]
    public async Task Progress_is_reported_while_running()
    {
        await using var server = new TinyHttpServer();
        var reports = new Reports();

        await LoadRunner.Run(server.Url(), connections: 1, duration: 2.Seconds(), progress: reports).WaitAsync(Generous);

        Assert.Contains(reports.All, r => !r.WarmingUp && r.Requests > 0);
    }

    [Fact]
    public async Task Kept_samples_match_the_request_count()
    {
        await using var server = new TinyHttpServer();

        var run = await LoadRunner.Run(server.Url(), connections: 2, duration: 1.Seconds(), keepSamples: true).WaitAsync(Generous);

        Assert.NotNull(run.SamplesMs);
        Assert.Equal(run.Requests, run.SamplesMs.Count);
    }

    private sealed class Reports : IProgress<LoadProgress>
    {
        public List<LoadProgress> All { get; } = [];

        public void Report(LoadProgress value)
        {
            lock (All)
            {
                All.Add(value);
            }
        }
    }
}
