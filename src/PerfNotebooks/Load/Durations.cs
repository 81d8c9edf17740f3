namespace PerfNotebooks.Load;

/// <summary>Reads-well durations for notebook cells: <c>10.Seconds()</c>, <c>500.Milliseconds()</c>.</summary>
public static class Durations
{
    public static TimeSpan Seconds(this int seconds) => TimeSpan.FromSeconds(seconds);

    public static TimeSpan Seconds(this double seconds) => TimeSpan.FromSeconds(seconds);

    public static TimeSpan Milliseconds(this int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    /// <summary>Parses "10s", "500ms", "2m", or a bare number of seconds; null when the text is none of these.</summary>
    public static TimeSpan? Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        double factor = 1;
        if (t.EndsWith("ms", StringComparison.Ordinal))
        {
            factor = 0.001;
            t = t[..^2];
        }
        else if (t.EndsWith('s'))
        {
            t = t[..^1];
        }
        else if (t.EndsWith('m'))
        {
            factor = 60;
            t = t[..^1];
        }

        return double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 0
            ? TimeSpan.FromSeconds(v * factor)
            : null;
    }
}
