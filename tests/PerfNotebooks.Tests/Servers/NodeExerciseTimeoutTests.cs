using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Servers;

/// <summary>
/// A learner's JavaScript that never returns would block the Node server's one event loop for ever: node:vm's
/// watchdog stops it after --exercise-timeout, the request answers 500 naming the file, and the server serves on.
/// </summary>
[Trait("Category", "Live")]
public class NodeExerciseTimeoutTests
{
    private const string EndlessLoop = """
        'use strict';
        function countPrimes(limit) {
          let primes = 0;
          for (let i = 2; ; i++) if (i > limit) primes++; // never ends: i passes limit and the loop goes on
          return primes;
        }
        module.exports = { countPrimes };
        """;

    [Fact]
    public async Task An_endless_loop_is_stopped_answered_500_naming_the_learners_file_and_the_server_keeps_serving()
    {
        await using var server = await SampleServer.Start("cpu-hotspot", runtime: "node", extraArguments: ["--exercise-timeout", "1s"]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        var served = await server.Serve(EndlessLoop);
        using var health = await http.GetAsync(server.UrlFor("/health"));
        await server.Reset();
        using var after = await http.GetAsync(server.TriggerUrl);

        Assert.Equal(500, served.FirstStatus);
        Assert.NotNull(served.Exception);
        Assert.Equal("ExerciseTimeout", served.Exception.Type);
        Assert.Contains("cpu-hotspot.js ran for more than 1 s without returning", served.Exception.Message, StringComparison.Ordinal);
        Assert.True(health.IsSuccessStatusCode);
        Assert.True(after.IsSuccessStatusCode, await after.Content.ReadAsStringAsync());
        Assert.False(server.HasExited);
    }

    [Fact]
    public async Task Code_that_returns_in_time_is_not_stopped()
    {
        await using var server = await SampleServer.Start("cpu-hotspot", runtime: "node", extraArguments: ["--exercise-timeout", "1s"]);

        var served = await server.Serve(EndlessLoop.Replace("; ; i++", "; i <= limit; i++", StringComparison.Ordinal).Replace("if (i > limit) primes++", "primes += i % 2", StringComparison.Ordinal));

        Assert.Equal(200, served.FirstStatus);
        Assert.Null(served.Exception);
    }
}
