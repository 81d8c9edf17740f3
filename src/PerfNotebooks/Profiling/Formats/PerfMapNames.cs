using System.Text.RegularExpressions;

namespace PerfNotebooks.Profiling.Formats;

/// <summary>
/// Method names as JIT perf maps write them. .NET: "instance void [Asm] Ns.Type::Method(args)[OptimizedTier1]";
/// V8 (node --perf-basic-prof): "JS:*countPrimes /app/primes.js:12:21". Both become the names the other backends use.
/// </summary>
internal static partial class PerfMapNames
{
    public static string Normalize(string symbol)
    {
        var dotnet = DotNet().Match(symbol);
        if (dotnet.Success)
        {
            return FrameNames.Normalize(dotnet.Groups["type"].Value.Replace("::", ".", StringComparison.Ordinal) + dotnet.Groups["rest"].Value, string.Empty);
        }

        var v8 = V8().Match(symbol);
        if (v8.Success)
        {
            var function = v8.Groups["fn"].Value.Length == 0 ? "(anonymous)" : v8.Groups["fn"].Value;
            return $"{function} ({CpuProfileFormat.ShortUrl(v8.Groups["url"].Value)}:{v8.Groups["line"].Value})";
        }

        return symbol;
    }

    // Optional modifiers and return type, then "[Assembly] ", then the method; tier suffix dropped.
    [GeneratedRegex(@"^(?:[^\[]*\s)?\[[^\]]+\]\s+(?<type>[^(\[]+)(?<rest>\([^)]*\))?(\[[A-Za-z0-9]+\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DotNet();

    [GeneratedRegex(@"^(?:JS|LazyCompile|Function):[*~^]?(?<fn>\S*)\s+(?<url>\S+?):(?<line>\d+)(:\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex V8();
}
