namespace PerfNotebooks;

/// <summary>The median of a sample (the mean of the middle two for an even count; 0 for none).</summary>
internal static class Median
{
    public static double Of(IEnumerable<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length == 0 ? 0 : s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }
}
