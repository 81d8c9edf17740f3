using System.Text.Json;
using PerfNotebooks.Profiling;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Profiling;

[Collection(ProfilingSessions.Name)]
[Trait("Category", "Live")]
public class ProfilerTests
{
    [Fact]
    public async Task Hotspot_names_the_targets_own_hot_method()
    {
        var profile = await ProfiledTargets.Of("cpu");

        Assert.NotNull(profile.Hotspot);
        Assert.Equal("PerfNotebooks.ProfilingTarget.PrimeCrunching.CountPrimes", profile.Hotspot.Name);
        Assert.True(profile.Hotspot.TotalPct > 50, $"CountPrimes should dominate CPU, got {profile.Hotspot.TotalPct}%");
    }

    [Fact]
    public async Task Hot_path_runs_from_main_down_to_the_hot_method()
    {
        var profile = await ProfiledTargets.Of("cpu");

        Assert.Equal("Program.Main", profile.HotPath[0]);
        Assert.Contains("PerfNotebooks.ProfilingTarget.PrimeCrunching.CountPrimes", profile.HotPath);
    }

    [Fact]
    public async Task Methods_are_sorted_by_self_share()
    {
        var profile = await ProfiledTargets.Of("cpu");

        Assert.Equal(profile.Methods.Select(m => m.SelfPct).OrderByDescending(p => p), profile.Methods.Select(m => m.SelfPct));
        Assert.Equal("PerfNotebooks.ProfilingTarget.PrimeCrunching.CountPrimes", profile.Methods[0].Name);
    }

    [Fact]
    public async Task Blocked_threads_are_counted_as_waiting_not_cpu()
    {
        var profile = await ProfiledTargets.Of("wait");

        Assert.DoesNotContain(profile.Methods, m => m.Name.EndsWith("BlockedWaiters.WaitForever", StringComparison.Ordinal));
        var waiting = ProfileAnalysis.Methods(profile.Waiting);
        Assert.Contains(waiting, m => m.Name == "PerfNotebooks.ProfilingTarget.BlockedWaiters.WaitForever");
        Assert.Equal("PerfNotebooks.ProfilingTarget.PrimeCrunching.CountPrimes", profile.Hotspot?.Name);
    }

    [Fact]
    public async Task Counters_arrive_as_time_series_during_the_session()
    {
        var profile = await ProfiledTargets.Of("cpu");

        var cpu = profile.Counter("cpu-usage");
        Assert.NotNull(cpu);
        Assert.True(cpu.Points.Count >= 2, $"expected a point a second, got {cpu.Points.Count}");
        Assert.NotNull(profile.Counter("gc-heap-size"));
        Assert.NotNull(profile.Counter("threadpool-queue-length"));
    }

    [Fact]
    public async Task Json_has_every_documented_field()
    {
        var profile = await ProfiledTargets.Of("cpu");

        using var json = JsonDocument.Parse(profile.ToJson());
        var root = json.RootElement;
        foreach (var field in new[] { "samples", "duration_s", "methods", "hot_path", "hotspot", "counters", "findings" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing {field}");
        }

        var method = root.GetProperty("methods")[0];
        Assert.True(method.TryGetProperty("name", out _) && method.TryGetProperty("self_pct", out _) && method.TryGetProperty("total_pct", out _));
        Assert.Equal("PerfNotebooks.ProfilingTarget.PrimeCrunching.CountPrimes", root.GetProperty("hotspot").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Speedscope_and_folded_exports_hold_the_hot_method()
    {
        var profile = await ProfiledTargets.Of("cpu");
        var dir = Directory.CreateTempSubdirectory("perfnb-export-");
        try
        {
            var speedscope = Path.Combine(dir.FullName, "p.speedscope.json");
            var folded = Path.Combine(dir.FullName, "p.folded");
            profile.SaveSpeedscope(speedscope);
            profile.SaveFolded(folded);

            using var json = JsonDocument.Parse(File.ReadAllText(speedscope));
            Assert.Contains(json.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray(), f => f.GetProperty("name").GetString()!.EndsWith("CountPrimes", StringComparison.Ordinal));
            Assert.Contains(File.ReadLines(folded), l => l.Contains("PrimeCrunching.CountPrimes ", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Saved_nettrace_reopens_to_the_same_hotspot()
    {
        var profile = await ProfiledTargets.Of("cpu");
        var path = Path.Combine(Path.GetTempPath(), $"perfnb-test-{Guid.NewGuid():N}.nettrace");
        try
        {
            profile.SaveNettrace(path);

            var reopened = Profiler.Open(path);

            Assert.Equal(profile.Hotspot?.Name, reopened.Hotspot?.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Target_exiting_mid_session_gives_a_partial_profile()
    {
        using var target = await ProfilingTarget.Start("cpu", seconds: 2);

        var profile = await Profiler.Attach(target).Sample(TimeSpan.FromSeconds(20));

        Assert.NotNull(profile.PartialReason);
        Assert.Contains("exited", profile.PartialReason, StringComparison.Ordinal);
        Assert.True(profile.DurationSeconds < 15);
    }

    [Fact]
    public async Task Missing_process_is_bad_input()
    {
        var e = await Assert.ThrowsAsync<BadInputException>(() => Profiler.Attach(int.MaxValue - 7).Sample(TimeSpan.FromSeconds(1)));

        Assert.Contains("no process", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_that_is_not_dotnet_is_bad_input()
    {
        using var sleep = System.Diagnostics.Process.Start("sleep", "30");
        try
        {
            var e = await Assert.ThrowsAsync<BadInputException>(() => Profiler.Attach(sleep.Id).Sample(TimeSpan.FromSeconds(1)));

            Assert.Contains($"process {sleep.Id}", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            sleep.Kill();
        }
    }
}
