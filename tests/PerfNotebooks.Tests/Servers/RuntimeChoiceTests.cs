using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

public class RuntimeChoiceTests
{
    [Fact]
    public async Task Start_rejects_an_unknown_runtime_listing_the_runtimes()
    {
        var error = await Assert.ThrowsAsync<BadInputException>(() => SampleServer.Start("n-plus-one", runtime: "java"));

        Assert.Equal("unknown runtime 'java'; choose one of: dotnet, go, node", error.Message);
    }

    [Fact]
    public async Task Start_rejects_a_scenario_the_runtime_does_not_serve_listing_what_it_serves()
    {
        var error = await Assert.ThrowsAsync<BadInputException>(() => SampleServer.Start("memory-leak", runtime: "go"));

        Assert.Contains("the go sample server has no 'memory-leak' scenario; go serves: cpu-hotspot, n-plus-one", error.Message, StringComparison.Ordinal);
        Assert.Contains("runs on: dotnet, node", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_still_rejects_an_unknown_scenario_before_the_runtime_is_built()
    {
        var error = await Assert.ThrowsAsync<BadInputException>(() => SampleServer.Start("n-plus-two", runtime: "node"));

        Assert.Contains("unknown scenario 'n-plus-two'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_runtime_serves_only_known_scenarios_and_dotnet_serves_them_all()
    {
        Assert.All(SampleRuntimes.Scenarios.Values.SelectMany(s => s), s => Assert.Contains(s, SampleScenarios.All));
        Assert.Equal(SampleScenarios.All, SampleRuntimes.Scenarios[SampleRuntimes.Dotnet]);
        Assert.Equal(["dotnet", "go", "node"], SampleRuntimes.All);
    }

    [Fact]
    public async Task Serve_with_an_unknown_runtime_exits_2_with_one_line_listing_the_runtimes()
    {
        var result = await CliRunner.Run("serve", "n-plus-one", "--runtime", "ruby");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unknown runtime 'ruby'; choose one of: dotnet, go, node", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_a_scenario_node_does_not_serve_exits_2_listing_node_scenarios()
    {
        var result = await CliRunner.Run("serve", "lock-contention", "--runtime", "node");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("node serves: cpu-hotspot, n-plus-one, memory-leak", result.Stderr, StringComparison.Ordinal);
    }
}
