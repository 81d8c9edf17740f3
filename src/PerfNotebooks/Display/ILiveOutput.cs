namespace PerfNotebooks.Display;

/// <summary>
/// A value that renders live: shown once, then redrawn in place (same <see cref="DisplayId"/>) whenever it
/// raises <see cref="Changed"/>, and once more when <see cref="IsFinished"/>. The notebook host, not the value,
/// decides how often to redraw, so any live view (progress, a running load test) gets the same treatment.
/// </summary>
public interface ILiveOutput
{
    string DisplayId { get; }

    bool IsFinished { get; }

    event EventHandler? Changed;
}
