using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

/// <summary>The Go and Node servers seed the very rows the ASP.NET one does, so runtimes compare like with like.</summary>
public class CrossRuntimeRowsTests(NPlusOneServer dotnet, GoNPlusOneServer go, NodeNPlusOneServer node)
    : IClassFixture<NPlusOneServer>, IClassFixture<GoNPlusOneServer>, IClassFixture<NodeNPlusOneServer>
{
    private const string Sample = "/users?ids=1,2,777,2500,4999,5000";

    [Fact]
    public async Task Go_and_node_answer_the_same_users_and_orders_as_dotnet()
    {
        using var reference = await dotnet.Http.GetAsync(dotnet.Server.UrlFor(Sample));
        var expected = await reference.Content.ReadAsStringAsync();

        var fromGo = await go.Get(Sample);
        var fromNode = await node.Get(Sample);

        Assert.Contains("\"orders\":[{", expected, StringComparison.Ordinal);
        Assert.Equal(expected, fromGo.Body);
        Assert.Equal(expected, fromNode.Body);
        Assert.Equal(dotnet.Server.Orders, go.Server.Orders);
        Assert.Equal(dotnet.Server.Orders, node.Server.Orders);
    }
}
