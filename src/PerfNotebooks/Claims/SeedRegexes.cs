using System.Text.RegularExpressions;

namespace PerfNotebooks.Claims;

/// <summary>
/// The seed article's analyzer, reimplemented as the throughput peer: its three case-insensitive regexes over
/// the whole text, nothing else (scripts/claims-seed-regex.py runs the same three with Python's re).
/// </summary>
internal static partial class SeedRegexes
{
    [GeneratedRegex(@"optimiz(?:ed|ing)\s+(\w+)\s+by\s+(\d+)%", RegexOptions.IgnoreCase)]
    private static partial Regex Optimized();

    [GeneratedRegex(@"reduced\s+(\w+)\s+from\s+(\d+\.?\d*)\s*(\w+)\s+to\s+(\d+\.?\d*)\s*(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex ReducedFromTo();

    [GeneratedRegex(@"improved\s+(\w+)\s+throughput\s+by\s+(\d+)x", RegexOptions.IgnoreCase)]
    private static partial Regex ImprovedThroughput();

    public static int CountMatches(string text) =>
        Optimized().Count(text) + ReducedFromTo().Count(text) + ImprovedThroughput().Count(text);

    /// <summary>Whether any of the three patterns matches one bullet: the seed's idea of "a claim".</summary>
    public static bool Matches(string bullet) =>
        Optimized().IsMatch(bullet) || ReducedFromTo().IsMatch(bullet) || ImprovedThroughput().IsMatch(bullet);
}
