using System.Diagnostics;
using System.Globalization;
using PerfNotebooks.Profiling;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>
/// Live: real Go, Node and C processes counting primes, profiled by pid (perf, the Node inspector) and by pprof URL;
/// each profile must name the program's own function as the hotspot, never a runtime frame.
/// </summary>
[Collection(ProfilingSessions.Name)]
public class PolyglotProfilerTests
{
    private static readonly TimeSpan Session = TimeSpan.FromSeconds(3);

    // trial division inlines isPrime into countPrimes in optimized builds: either is the app's hot function.
    private static void AssertHotspotIsTheLoop(Profile profile, params string[] names) =>
        Assert.True(profile.Hotspot is { } h && names.Any(n => h.Name.StartsWith(n, StringComparison.Ordinal)), profile.ToTable());

    [Fact]
    public async Task A_Go_process_by_pid_through_perf_names_its_prime_loop()
    {
        using var go = await PolyglotTarget.Go();

        var profile = await Profiler.Attach(go.Pid).WithBackend(ProfilerBackend.Perf).Sample(Session);

        Assert.Equal((ProfiledRuntime.Go, "perf"), (profile.Runtime, profile.Source));
        Assert.True(profile.Samples > 0, profile.ToTable());
        AssertHotspotIsTheLoop(profile, "main.isPrime", "main.countPrimes");
        Assert.Contains(profile.Methods, m => m.Name.StartsWith("runtime.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Go_process_by_its_pprof_url_names_its_prime_loop()
    {
        using var go = await PolyglotTarget.Go();

        var profile = await Profiler.Pprof(go.PprofUrl).Sample(Session);

        Assert.Equal((0, "pprof"), (profile.Pid, profile.Source));
        AssertHotspotIsTheLoop(profile, "main.isPrime", "main.countPrimes");
    }

    [Fact]
    public async Task A_Go_process_by_pid_alone_is_profiled_through_the_pprof_endpoint_it_serves()
    {
        using var go = await PolyglotTarget.Go();
        var profiler = Profiler.Attach(go.Pid);

        Assert.Equal(ProfilerBackend.Pprof, await profiler.ChooseBackend());
        Assert.Equal(go.PprofUrl, profiler.PprofUrl);
    }

    [Fact]
    public async Task A_Node_process_by_pid_is_profiled_through_its_inspector()
    {
        using var node = await PolyglotTarget.Node();

        var profile = await Profiler.Attach(node.Pid).Sample(Session);

        Assert.Equal((ProfiledRuntime.Node, "inspector"), (profile.Runtime, profile.Source));
        AssertHotspotIsTheLoop(profile, "countPrimes (primes.js", "isPrime (primes.js");
    }

    [Fact]
    public async Task Perf_on_a_Node_process_without_a_perf_map_is_refused_naming_perf_basic_prof()
    {
        using var node = await PolyglotTarget.Node();

        var error = await Assert.ThrowsAsync<BadInputException>(() => Profiler.Attach(node.Pid).WithBackend(ProfilerBackend.Perf).Sample(Session));

        Assert.Contains("--perf-basic-prof", error.Message, StringComparison.Ordinal);
        Assert.Contains($"node process {node.Pid}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Perf_on_a_Node_process_started_with_perf_basic_prof_names_its_javascript_function()
    {
        using var node = await PolyglotTarget.Node("--perf-basic-prof");

        var profile = await Profiler.Attach(node.Pid).WithBackend(ProfilerBackend.Perf).Sample(Session);

        Assert.Equal((ProfiledRuntime.Node, "perf"), (profile.Runtime, profile.Source));
        Assert.Contains(profile.Methods, m => m.Name.Contains("countPrimes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_C_program_by_pid_is_profiled_through_perf()
    {
        using var c = await PolyglotTarget.Native();

        var profile = await Profiler.Attach(c.Pid).Sample(Session);

        Assert.Equal((ProfiledRuntime.Native, "perf"), (profile.Runtime, profile.Source));
        AssertHotspotIsTheLoop(profile, "is_prime", "count_primes");
    }

    [Fact]
    public async Task A_dotnet_process_through_perf_names_its_jitted_method_from_the_perf_map()
    {
        using var dotnet = await ProfilingTarget.Start("cpu");

        var profile = await Profiler.Attach(dotnet.Pid).WithBackend(ProfilerBackend.Perf).Sample(Session);

        Assert.Equal((ProfiledRuntime.DotNet, "perf"), (profile.Runtime, profile.Source));
        Assert.Equal("PerfNotebooks.ProfilingTarget.PrimeCrunching.CountPrimes", profile.Hotspot?.Name);
    }

    [Fact]
    public async Task The_cli_exports_pprof_that_go_tool_pprof_opens_and_names_the_function()
    {
        using var go = await PolyglotTarget.Go();
        var file = Path.Combine(Path.GetTempPath(), $"perfnb-{Guid.NewGuid():N}.pb.gz");
        try
        {
            var result = await CliRunner.Run("profile", "--pid", go.Pid.ToString(CultureInfo.InvariantCulture), "--backend", "perf", "--duration", "3s", "--export", "pprof", "--output", file);
            Assert.Equal(0, result.ExitCode);

            var top = GoToolPprofTop(file);

            Assert.Contains("main.isPrime", top, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_cli_refuses_a_backend_that_does_not_fit_the_runtime()
    {
        using var c = await PolyglotTarget.Native();

        var result = await CliRunner.Run("profile", "--pid", c.Pid.ToString(CultureInfo.InvariantCulture), "--backend", "inspector", "--duration", "1s");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Native", result.Stderr, StringComparison.Ordinal);
    }

    private static string GoToolPprofTop(string file)
    {
        var info = new ProcessStartInfo("go") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { "tool", "pprof", "-top", file })
        {
            info.ArgumentList.Add(a);
        }

        using var pprof = Process.Start(info)!;
        var errors = pprof.StandardError.ReadToEndAsync();
        var output = pprof.StandardOutput.ReadToEnd();
        pprof.WaitForExit();
        Assert.True(pprof.ExitCode == 0, $"go tool pprof failed: {errors.Result}");
        return output;
    }
}
