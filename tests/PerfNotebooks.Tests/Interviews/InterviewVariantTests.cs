using PerfNotebooks.Servers;
using PerfNotebooks.Workbooks.Interviews;

namespace PerfNotebooks.Tests.Interviews;

/// <summary>Which server a seed serves: deterministic, every scenario and the healthy server reachable, no usual path.</summary>
public class InterviewVariantTests
{
    [Fact]
    public void The_same_seed_serves_the_same_variant()
    {
        Assert.Equal(InterviewVariant.For(42), InterviewVariant.For(42));
        Assert.NotEqual(InterviewVariant.For(1), InterviewVariant.For(2));
    }

    [Fact]
    public void Seeds_reach_every_gradable_scenario_and_the_healthy_server()
    {
        var answers = Enumerable.Range(1, 300).Select(s => InterviewVariant.For(s).Answer).ToHashSet();

        Assert.Equal([.. Interview.Causes.Order()], answers.Order());
    }

    [Theory]
    [InlineData("go", new[] { "cpu-hotspot", "n-plus-one", "none" })]
    [InlineData("node", new[] { "cpu-hotspot", "memory-leak", "n-plus-one", "none" })]
    public void On_go_and_node_seeds_reach_their_scenarios_and_the_healthy_server(string runtime, string[] expected)
    {
        var answers = Enumerable.Range(1, 300).Select(s => InterviewVariant.For(s, runtime).Answer).ToHashSet();

        Assert.Equal(expected, answers.Order());
    }

    [Fact]
    public async Task An_unknown_runtime_is_refused_naming_the_languages_before_any_server_starts()
    {
        var refused = await Assert.ThrowsAsync<BadInputException>(() => Interview.Start(seed: 1, runtime: "rust"));

        Assert.Contains("runtime 'rust'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet, go, node", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_healthy_variant_answers_none_and_still_serves_some_scenario()
    {
        var healthy = Enumerable.Range(1, 300).Select(s => InterviewVariant.For(s)).First(v => v.Healthy);

        Assert.Equal("none", healthy.Answer);
        Assert.Contains(healthy.Scenario, InterviewVariant.Scenarios);
    }

    [Fact]
    public void Endpoint_paths_and_parameters_vary_and_never_use_a_usual_path()
    {
        var variants = Enumerable.Range(1, 300).Select(s => InterviewVariant.For(s)).ToList();
        var usual = ScenarioNames.TriggerPath.Values.Select(p => p.Split('?')[0]).ToList();

        Assert.All(variants, v =>
        {
            Assert.StartsWith(v.Path + "?", v.TriggerPathAndQuery, StringComparison.Ordinal);
            Assert.DoesNotContain(usual, u => v.TriggerPathAndQuery.Contains(u, StringComparison.Ordinal));
        });
        Assert.True(variants.Select(v => v.Path).Distinct().Count() > 10);
        Assert.True(variants.Where(v => v.Scenario == "cpu-hotspot").Select(v => v.TriggerPathAndQuery).Distinct().Count() > 5);
    }
}
