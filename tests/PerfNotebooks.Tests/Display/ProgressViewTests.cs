using PerfNotebooks.Display;

namespace PerfNotebooks.Tests.Display;

public class ProgressViewTests
{
    [Fact]
    public void ToTextLine_shows_a_bar_percent_and_counts()
    {
        var progress = new ProgressView("Load run", total: 1000, unit: "requests");

        progress.Update(450, "p99 12ms");

        Assert.Matches(@"^Load run \[#########-----------\]  45% 450/1,000 requests \d+\.\ds  p99 12ms$", progress.ToTextLine());
    }

    [Fact]
    public void ToTextLine_counts_without_a_bar_when_the_total_is_unknown()
    {
        var progress = new ProgressView("Heap snapshot", unit: "objects");

        progress.Update(12345);

        Assert.Matches(@"^Heap snapshot 12,345 objects \d+\.\ds$", progress.ToTextLine());
        Assert.Null(progress.Fraction);
    }

    [Fact]
    public void Update_raises_changed_so_a_display_handle_can_redraw()
    {
        var progress = new ProgressView("Profile", total: 10);
        var seen = new List<string>();
        progress.Changed += (_, _) => seen.Add(progress.ToTextLine());

        progress.Update(5);
        progress.Complete("saved trace.nettrace");

        Assert.Equal(2, seen.Count);
        Assert.Contains("done  saved trace.nettrace", seen[1]);
        Assert.Equal(1.0, progress.Fraction);
    }

    [Fact]
    public void ToHtml_draws_a_progress_element_and_escapes_the_label()
    {
        var progress = new ProgressView("<b>run</b>", total: 4);
        progress.Update(1);

        var html = progress.ToHtml();

        Assert.Contains("<progress max=\"1\" value=\"0.25\"", html);
        Assert.Contains("&lt;b&gt;run&lt;/b&gt;", html);
    }

    [Fact]
    public void Complete_with_failure_says_failed()
    {
        var progress = new ProgressView("Notebook run", total: 3, unit: "cells");
        progress.Update(2);

        progress.Complete("cell 3 threw", success: false);

        Assert.Contains("2/3 cells", progress.ToTextLine());
        Assert.Contains("failed  cell 3 threw", progress.ToTextLine());
    }

    [Fact]
    public void Constructor_rejects_a_zero_total()
    {
        Assert.Throws<BadInputException>(() => new ProgressView("x", total: 0));
    }

    [Fact]
    public void DisplayId_is_unique_per_view()
    {
        // (Comparing the get-only id with itself could not fail; uniqueness is what lets two cells' views coexist.)
        var ids = Enumerable.Range(0, 100).Select(i => new ProgressView("v" + i).DisplayId).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.StartsWith("perfnb-progress-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void WriteTo_rewrites_one_terminal_line_and_ends_it_on_completion()
    {
        var progress = new ProgressView("Load run", total: 100, unit: "requests");
        using var terminal = new StringWriter();

        using (progress.WriteTo(terminal, minInterval: TimeSpan.Zero))
        {
            progress.Update(50);
            progress.Complete();
            progress.Update(100, "after the end");
        }

        var text = terminal.ToString();
        Assert.Equal(3, text.Split('\r').Length - 1);
        Assert.EndsWith("done\n", text.Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
        Assert.DoesNotContain("after the end", text);
    }

    [Fact]
    public void WriteTo_skips_updates_that_come_faster_than_the_interval()
    {
        var progress = new ProgressView("Profile", total: 1000);
        using var terminal = new StringWriter();

        using (progress.WriteTo(terminal, minInterval: TimeSpan.FromHours(1)))
        {
            for (var i = 1; i <= 999; i++)
            {
                progress.Update(i);
            }
        }

        Assert.Equal(1, terminal.ToString().Split('\r').Length - 1);
    }
}
