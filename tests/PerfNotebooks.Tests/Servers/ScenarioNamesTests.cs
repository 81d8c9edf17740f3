using PerfNotebooks.Servers;
using Xunit;

namespace PerfNotebooks.Tests.Servers;

/// <summary>The scenario list exists once (PerfNotebooks.Contracts) and the library's public view is that list.</summary>
public sealed class ScenarioNamesTests
{
    [Fact]
    public void Every_scenario_has_one_trigger_path_and_the_library_offers_the_shared_list()
    {
        Assert.Equal(ScenarioNames.All.Order(StringComparer.Ordinal), ScenarioNames.TriggerPath.Keys.Order(StringComparer.Ordinal));
        Assert.Same(ScenarioNames.All, SampleScenarios.All);
        Assert.Same(ScenarioNames.TriggerPath, SampleScenarios.TriggerPath);
        Assert.All(ScenarioNames.TriggerPath.Values, path => Assert.StartsWith("/", path));
    }
}
