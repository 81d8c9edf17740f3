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

    [Fact]
    public void A_healthy_variant_answers_none_and_still_serves_some_scenario()
    {
        var healthy = Enumerable.Range(1, 300).Select(InterviewVariant.For).First(v => v.Healthy);

        Assert.Equal("none", healthy.Answer);
        Assert.Contains(healthy.Scenario, InterviewVariant.Scenarios);
    }

    [Fact]
    public void Endpoint_paths_and_parameters_vary_and_never_use_a_usual_path()
    {
        var variants = Enumerable.Range(1, 300).Select(InterviewVariant.For).ToList();
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
