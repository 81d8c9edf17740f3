using PerfNotebooks.Kernel.Execution;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>Profiling from a notebook cell, as the workbooks do.</summary>
[Collection(ProfilingSessions.Name)]
[Trait("Category", "Live")]
public class ProfilerInNotebookTests
{
    private sealed class Displays : ICellOutput
    {
        public List<MimeBundle> Shown { get; } = [];

        public void Stream(string name, string text)
        {
        }

        public void Display(MimeBundle bundle, string displayId, bool update)
        {
            lock (Shown)
            {
                Shown.Add(bundle);
            }
        }

        public string? RequestInput(string prompt, bool password) => null;
    }

    [Fact]
    public async Task Sample_in_a_cell_shows_a_live_progress_display_that_ends_with_what_it_found()
    {
        using var target = await ProfilingTarget.Start("cpu");
        var session = new CSharpSession();
        var output = new Displays();

        var result = await session.ExecuteAsync($"var profile = await Profiler.Attach({target.Pid}).Sample(TimeSpan.FromSeconds(2));", output);

        Assert.True(result.Status == CellStatus.Ok, result.Error?.Value);
        Assert.True(output.Shown.Count >= 2, $"expected the progress display and its updates, got {output.Shown.Count} outputs");
        var last = (string?)output.Shown[^1].Data["text/plain"];
        Assert.Contains("Profiling pid", last, StringComparison.Ordinal);
        Assert.Contains("CPU samples", last, StringComparison.Ordinal);
    }
}
