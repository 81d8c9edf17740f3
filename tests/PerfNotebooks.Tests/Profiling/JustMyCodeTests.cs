using PerfNotebooks.Display;
using PerfNotebooks.Profiling;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>
/// The default flame graph folds the framework away (Samples/aspnet-n-plus-one.folded: an ASP.NET N+1 with Kestrel,
/// SQLite, LINQ and idle thread-pool stacks); <c>justMyCode: false</c> draws every frame.
/// </summary>
public class JustMyCodeTests
{
    private static readonly Profile Profile = Profiler.Import(
        Path.Combine(RepoPaths.Root, "tests", "PerfNotebooks.Tests", "Profiling", "Samples", "aspnet-n-plus-one.folded"), ProfiledRuntime.DotNet);

    private static FlameNode Child(FlameNode node, string name) =>
        node.Children.SingleOrDefault(c => c.Name == name) ?? throw new Xunit.Sdk.XunitException($"{node.Name} has no child {name}; it has {string.Join(", ", node.Children.Select(c => c.Name))}");

    [Fact]
    public void Default_flame_graph_starts_at_the_app_s_first_frame_with_the_framework_above_it_gone()
    {
        var root = Profile.ToFlameGraph().Root;

        Assert.Equal(["Shop.Orders.UsersEndpoint.Get", "[framework]"], root.Children.Select(c => c.Name));
        Assert.Equal(60, Child(root, "Shop.Orders.UsersEndpoint.Get").Total);
        Assert.Equal(4, Child(root, "Shop.Orders.UsersEndpoint.Get").Self);
    }

    [Fact]
    public void Library_frames_under_app_code_become_one_frame_named_after_the_call_the_app_made()
    {
        var load = Child(Child(Profile.ToFlameGraph().Root, "Shop.Orders.UsersEndpoint.Get"), "Shop.Orders.UsersWithOrders.Load");

        var sqlite = Child(load, "[framework] Microsoft.Data.Sqlite.SqliteCommand.ExecuteReader");
        Assert.Equal(50, sqlite.Total);
        Assert.Empty(sqlite.Children);
    }

    [Fact]
    public void Library_frames_between_two_app_frames_go_and_the_caller_joins_its_callee()
    {
        var load = Child(Child(Profile.ToFlameGraph().Root, "Shop.Orders.UsersEndpoint.Get"), "Shop.Orders.UsersWithOrders.Load");

        Assert.Equal(6, Child(load, "Shop.Orders.UsersWithOrders.ToView").Total);
        Assert.DoesNotContain(load.Children, c => c.Name.Contains("Enumerable", StringComparison.Ordinal));
    }

    [Fact]
    public void Stacks_without_app_code_fold_into_one_framework_frame()
    {
        var framework = Child(Profile.ToFlameGraph().Root, "[framework]");

        Assert.Equal(40, framework.Total);
        Assert.Empty(framework.Children);
    }

    [Fact]
    public void Full_view_keeps_every_frame_and_the_same_samples()
    {
        var full = Profile.ToFlameGraph(justMyCode: false);
        var mine = Profile.ToFlameGraph();

        Assert.Equal(["System.GC.Collect", "System.Threading.ThreadPoolWorkQueue.Dispatch"], full.Root.Children.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(full.Root.Total, mine.Root.Total);
        Assert.Contains("just my code", mine.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("just my code", full.Title, StringComparison.Ordinal);
    }
}
