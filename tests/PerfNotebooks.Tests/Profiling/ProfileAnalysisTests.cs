using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>The tree arithmetic on hand-made samples, where the right answer is known exactly.</summary>
public class ProfileAnalysisTests
{
    private static ThreadSample Cpu(params string[] frames) => new(1, 0, OnCpu: true, frames);

    [Fact]
    public void Recursive_method_counts_each_sample_once_in_total()
    {
        var (cpu, _) = ProfileAnalysis.Trees([Cpu("App.Main", "App.Walk", "App.Walk", "App.Leaf"), Cpu("App.Main", "App.Other")]);

        var walk = ProfileAnalysis.Methods(cpu).Single(m => m.Name == "App.Walk");

        Assert.Equal(1, walk.TotalSamples);
        Assert.Equal(50, walk.TotalPct);
    }

    [Fact]
    public void Hotspot_skips_library_frames_below_the_deepest_app_frame()
    {
        var (cpu, _) = ProfileAnalysis.Trees(
        [
            Cpu("App.Main", "App.Handler", "System.Linq.Enumerable.Sum"),
            Cpu("App.Main", "App.Handler", "System.Linq.Enumerable.Sum"),
            Cpu("App.Main", "App.Other"),
        ]);

        var hotspot = ProfileAnalysis.FindHotspot(cpu);

        Assert.Equal("App.Handler", hotspot?.Name);
        Assert.Equal("System.Linq.Enumerable.Sum", hotspot?.Underneath[0].Name);
    }

    [Fact]
    public void Samples_parked_for_gc_are_not_cpu()
    {
        var (cpu, waiting) = ProfileAnalysis.Trees([Cpu("App.Main", "System.Threading.Thread.PollGC"), Cpu("App.Main", "App.Work")]);

        Assert.Equal(1, cpu.Total);
        Assert.Equal(1, waiting.Total);
    }

    [Fact]
    public void Hot_path_follows_the_heaviest_child()
    {
        var (cpu, _) = ProfileAnalysis.Trees([Cpu("A", "B", "C"), Cpu("A", "B", "C"), Cpu("A", "D")]);

        Assert.Equal(["A", "B", "C"], ProfileAnalysis.HotPath(cpu));
    }

    [Theory]
    [InlineData("Shop.Orders+<LoadAsync>d__4.MoveNext()", "Shop.Orders.LoadAsync")]
    [InlineData("Shop.Orders+<>c.<Total>b__2_0(class Shop.Order)", "Shop.Orders.Total.lambda")]
    [InlineData("Program.<Main>$(class System.String[])", "Program.Main")]
    [InlineData("Shop.Cart+Line.get_Price()", "Shop.Cart.Line.get_Price")]
    public void Frame_names_read_as_namespace_type_method(string raw, string expected) =>
        Assert.Equal(expected, FrameNames.Normalize(raw, "Shop.dll"));

    [Theory]
    [InlineData("System.Threading.Tasks.Task.Wait", false)]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware.Invoke", false)]
    [InlineData("[libcoreclr]", false)]
    [InlineData("Shop.Orders.<>c__DisplayClass1_0.<Run>b__0", false)]
    [InlineData("Shop.Orders.Total", true)]
    public void App_code_excludes_framework_runtime_and_compiler_generated_frames(string name, bool isApp) =>
        Assert.Equal(isApp, FrameNames.IsAppCode(name));
}
