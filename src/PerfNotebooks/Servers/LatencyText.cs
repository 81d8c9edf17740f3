using System.Globalization;

namespace PerfNotebooks.Servers;

/// <summary>Reads latencies written the way people write them: "2ms", "1.5ms", "500us", "1s", or bare milliseconds.</summary>
internal static class LatencyText
{
    public static TimeSpan Parse(string option, string text)
    {
        var units = new (string Suffix, double Ms)[] { ("us", 0.001), ("ms", 1), ("s", 1000) };
        var number = text.Trim();
        var factor = 1.0;
        foreach (var (suffix, ms) in units)
        {
            if (number.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                number = number[..^suffix.Length];
                factor = ms;
                break;
            }
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || double.IsNaN(value) || value < 0 || value * factor > 60_000)
        {
            throw new BadInputException($"{option} '{text}' is not a duration between 0 and 60s; write e.g. 2ms, 500us or 1s");
        }

        return TimeSpan.FromMilliseconds(value * factor);
    }
}
