using System.Globalization;
using PerfNotebooks.Display;

namespace PerfNotebooks.Workbooks.Interviews;

/// <summary>
/// The interview's clock: time taken against time allowed, redrawn in place in a notebook every second (it is a live
/// output) until the candidate submits. Time is recorded, never enforced: past the allowance it reads "over".
/// </summary>
public sealed class InterviewClock : ILiveOutput, IHtmlRenderable, IDisposable
{
    private readonly Timer _tick;
    private DateTimeOffset? _stoppedAt;

    internal InterviewClock(DateTimeOffset startedAt, TimeSpan allowed, Func<DateTimeOffset>? now = null)
    {
        StartedAt = startedAt;
        Allowed = allowed;
        Now = now ?? (() => DateTimeOffset.UtcNow);
        _tick = new Timer(_ => Changed?.Invoke(this, EventArgs.Empty), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public event EventHandler? Changed;

    public string DisplayId { get; } = "perfnb-interview-clock-" + Guid.NewGuid().ToString("N");

    public DateTimeOffset StartedAt { get; }

    public TimeSpan Allowed { get; }

    public bool IsFinished => _stoppedAt is not null;

    /// <summary>From the start to now, or to the submission once submitted.</summary>
    public TimeSpan Elapsed => (_stoppedAt ?? Now()) - StartedAt;

    public bool IsOver => Elapsed > Allowed;

    private Func<DateTimeOffset> Now { get; }

    /// <summary>Stops at the submission: the clock then shows the time taken.</summary>
    internal void Stop()
    {
        _stoppedAt ??= Now();
        _tick.Change(Timeout.Infinite, Timeout.Infinite);
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>e.g. "12:34 of 30:00", "31:05 of 30:00 (1:05 over)", "submitted after 18:02 of 30:00".</summary>
    public override string ToString()
    {
        var elapsed = Elapsed;
        var text = $"{Minutes(elapsed)} of {Minutes(Allowed)}" + (elapsed > Allowed ? $" ({Minutes(elapsed - Allowed)} over)" : "");
        return IsFinished ? "submitted after " + text : text;
    }

    public string ToHtml()
    {
        var colour = IsFinished ? "#22863a" : IsOver ? "#cb2431" : "inherit";
        return $"<div class=\"perfnb-interview-clock\" style=\"font:600 20px/1.4 ui-monospace,monospace;color:{colour}\">⏱ {ResultHtml.Encode(ToString())}</div>";
    }

    public void Dispose() => _tick.Dispose();

    internal static string Minutes(TimeSpan span)
    {
        var seconds = (long)Math.Max(0, span.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }
}
