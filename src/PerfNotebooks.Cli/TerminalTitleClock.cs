using PerfNotebooks.Workbooks.Interviews;

namespace PerfNotebooks.Cli;

/// <summary>
/// The interview clock in the terminal's title bar, updated as it ticks: the prompt shows it too, but only when a
/// line is typed, and rewriting the prompt line would wipe what the candidate is typing.
/// </summary>
internal sealed class TerminalTitleClock : IDisposable
{
    private readonly InterviewClock _clock;

    private TerminalTitleClock(InterviewClock clock)
    {
        _clock = clock;
        _clock.Changed += Show;
    }

    /// <summary>Shows the clock in the title while stdout is a terminal; does nothing when it is redirected.</summary>
    public static IDisposable Start(InterviewClock clock) =>
        Console.IsOutputRedirected ? new NoTitle() : new TerminalTitleClock(clock);

    public void Dispose()
    {
        _clock.Changed -= Show;
        Console.Out.Write("\u001b]0;\u0007");
    }

    // OSC 0: set the window title; xterm, VS Code's and Codespaces' terminals all honour it.
    private void Show(object? sender, EventArgs e) => Console.Out.Write($"\u001b]0;perfnb interview {_clock}\u0007");

    private sealed class NoTitle : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
