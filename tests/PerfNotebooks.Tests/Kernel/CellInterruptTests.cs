using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>What an interrupt does to a cell, in-process: what stops, what still runs, what is kept.</summary>
public class CellInterruptTests
{
    private sealed class Quiet : ICellOutput
    {
        public void Stream(string name, string text)
        {
        }

        public void Display(MimeBundle bundle, string displayId, bool update)
        {
        }

        public string? RequestInput(string prompt, bool password) => null;
    }

    private static async Task<CellResult> InterruptAfterStart(CSharpSession session, string code)
    {
        await session.WarmUpAsync(); // an interrupt before the cell starts has nothing to stop
        var running = session.ExecuteAsync(code, new Quiet());
        await Task.Delay(700);
        session.Interrupt();
        return await running.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task<string?> Value(CSharpSession session, string expression) =>
        (string?)(await session.ExecuteAsync(expression, new Quiet())).Value?.Data["text/plain"];

    [Fact]
    public async Task A_cell_abandoned_in_an_await_never_runs_its_remaining_statements()
    {
        var session = new CSharpSession();
        await session.ExecuteAsync("var reached = \"none\";", new Quiet());

        var result = await InterruptAfterStart(session, "await Task.Delay(2500);\nvar late = 1;\nreached = \"after the delay\";");
        await Task.Delay(3000); // the delay has ended: the cell's continuation ran into its check

        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.Equal("none", await Value(session, "reached"));
    }

    [Fact]
    public async Task Finally_blocks_of_an_interrupted_cell_run_to_their_end()
    {
        var session = new CSharpSession();
        await session.ExecuteAsync("var cleaned = 0;", new Quiet());

        var result = await InterruptAfterStart(session, "try { while (true) { } }\nfinally\n{\n    cleaned++;\n    await Task.Yield();\n    cleaned++;\n}");

        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.Equal("2", await Value(session, "cleaned"));
    }

    [Fact]
    public async Task Library_calls_see_the_running_cells_cancellation()
    {
        var session = new CSharpSession();

        var result = await InterruptAfterStart(session, "await Task.Delay(Timeout.Infinite, PerfNotebooks.NotebookHost.CellCancellation);");

        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.False(PerfNotebooks.NotebookHost.CellCancellation.CanBeCanceled, "outside a cell there is nothing to cancel");
    }

    [Fact]
    public async Task A_cell_that_stops_within_the_grace_keeps_what_it_assigned_before_the_interrupt()
    {
        var session = new CSharpSession();

        var result = await InterruptAfterStart(session, "var progress = 1;\nawait Task.Delay(Timeout.Infinite, PerfNotebooks.NotebookHost.CellCancellation);\nprogress = 2;");

        Assert.Equal(CellStatus.Interrupted, result.Status);
        Assert.Equal("1", await Value(session, "progress"));
    }

    [Fact]
    public async Task The_cell_after_an_interrupt_runs_normally()
    {
        var session = new CSharpSession();
        await InterruptAfterStart(session, "while (true) { }");

        var next = await session.ExecuteAsync("var sum = 0;\nfor (var i = 1; i <= 3; i++) { sum += i; }\nsum", new Quiet());

        Assert.Equal(CellStatus.Ok, next.Status);
        Assert.Equal("6", (string?)next.Value!.Data["text/plain"]);
    }
}
