using System.Globalization;

namespace PerfNotebooks;

/// <summary>
/// The one way durations are written, on the CLI, to the sample servers and in notebooks: a number and a unit
/// (500us, 2ms, 1.5s, 2m, 1h), or a bare 0. A bare number is refused: "2" meant seconds to one parser and
/// milliseconds to another. In PerfNotebooks.Contracts, referenced by the sample servers too, so both sides read the same text the same way.
/// </summary>
internal static class DurationText
{
    public const string Syntax = "a number and a unit: 500us, 2ms, 1.5s, 2m or 1h";

    private static readonly (string Suffix, double Seconds)[] Units = [("us", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)];

    /// <summary>The duration, or null when the text is not one (negative, NaN, no unit, unknown unit).</summary>
    public static TimeSpan? TryParse(string? text)
    {
        var t = text?.Trim().ToLowerInvariant() ?? "";
        if (t == "0")
        {
            return TimeSpan.Zero;
        }

        // Longest suffix first: "ms" before "s" and "m".
        foreach (var (suffix, seconds) in Units.OrderByDescending(u => u.Suffix.Length))
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(t[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && value * seconds <= TimeSpan.MaxValue.TotalSeconds)
            {
                return TimeSpan.FromSeconds(value * seconds);
            }
        }

        return null;
    }
}
