namespace PerfNotebooks.Load;

/// <summary>Reads-well durations for notebook cells: <c>10.Seconds()</c>, <c>500.Milliseconds()</c>.</summary>
public static class Durations
{
    public static TimeSpan Seconds(this int seconds) => TimeSpan.FromSeconds(seconds);

    public static TimeSpan Seconds(this double seconds) => TimeSpan.FromSeconds(seconds);

    public static TimeSpan Milliseconds(this int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    /// <summary>Parses the project's one duration syntax ("10s", "500ms", "250us", "2m", "1h", or 0); null when the text is not a duration.</summary>
    public static TimeSpan? Parse(string text) => DurationText.TryParse(text);
}
