using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Tests.Workbooks;

public class CheckOrderTests
{
    [Fact]
    public void Summary_lists_checkpoints_in_the_order_first_seen_even_when_one_is_rerun()
    {
        var names = Enumerable.Range(0, 12).Select(i => $"order-{Guid.NewGuid():N}-{i}").ToList();
        foreach (var name in names)
        {
            Check.That(name, passed: false, "first attempt");
        }

        Check.That(names[0], passed: true, "rerun after a fix");

        var listed = Check.Summary().Results.Select(r => r.Checkpoint).Where(names.Contains).ToList();
        Assert.Equal(names, listed);
        Assert.True(Check.Summary().Results.Single(r => r.Checkpoint == names[0]).Passed);
    }
}
