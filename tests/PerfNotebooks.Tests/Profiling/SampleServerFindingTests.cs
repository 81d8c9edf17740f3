using PerfNotebooks.Profiling;
using PerfNotebooks.Servers;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>
/// Finding rules against the sample server scenario they are about, buggy and fixed, under the same load. CPU
/// and allocation rules get an open loop (a fixed rate keeps the fixed twin's work small, where a closed loop
/// would make any endpoint busy); blocking rules get a closed loop of connections (rate 0) to pile threads up.
/// </summary>
[Collection(ProfilingSessions.Name)]
[Trait("Category", "Live")]
public class SampleServerFindingTests
{
    /// <summary>Scenario, the rule about it, the endpoint with the bug, and the open-loop rate (0: closed loop).</summary>
    public static TheoryData<string, string, string, double> Scenarios => new()
    {
        { "cpu-hotspot", "cpu-hotspot", "/cpu-intense?limit=100000", 30 },
        { "allocation-heavy", "gc-pressure", "/export/orders.csv?rows=2000", 10 },
        { "lock-contention", "lock-contention", "/risk-score?userId=42", 0 },
        { "threadpool-starvation", "threadpool-starvation", "/quote?userId=42", 0 },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Rule_fires_on_the_buggy_server(string scenario, string rule, string path, double rate)
    {
        var profile = await ProfileUnderLoad(scenario, fixedBug: false, path, rate);

        Assert.True(profile.Findings.Any(f => f.Rule == rule), $"{rule} did not fire on buggy {scenario} (cpu-usage {string.Join(" ", profile.Counter("cpu-usage")?.Points.Select(p => p.Value) ?? [])}):\n{profile.ToTable(5)}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Rule_stays_quiet_on_the_fixed_server(string scenario, string rule, string path, double rate)
    {
        var profile = await ProfileUnderLoad(scenario, fixedBug: true, path, rate);

        Assert.False(profile.Findings.Any(f => f.Rule == rule), $"{rule} fired on fixed {scenario}: {string.Join("; ", profile.Findings.Where(f => f.Rule == rule).SelectMany(f => f.Evidence))}");
    }

    private static async Task<Profile> ProfileUnderLoad(string scenario, bool fixedBug, string path, double rate)
    {
        await using var server = await SampleServer.Start(scenario, fixedBug);
        var sampling = Profiler.Attach(server.Pid).Sample(TimeSpan.FromSeconds(4));
        var load = rate > 0
            ? await LoadRunner.Run(server.UrlFor(path).ToString(), connections: 4, rate: rate, duration: TimeSpan.FromSeconds(4), warmup: TimeSpan.Zero)
            : await LoadRunner.Run(server.UrlFor(path).ToString(), connections: 16, duration: TimeSpan.FromSeconds(4), warmup: TimeSpan.Zero);
        Assert.True(load.Requests > 0, $"no request reached {scenario}: {load.Errors}");
        return await sampling;
    }
}
