using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Profiling.Formats;

/// <summary>
/// Reads the text of <c>perf script</c> (after <c>perf record -g</c>): one block per sample, a header line
/// ("comm pid/tid time: period event:") then one indented line per frame, leaf first ("addr sym+0x1f (dso)").
/// Frames of shared libraries are tagged with the library ("memcpy [libc.so.6]") so they never pass for the app;
/// JIT frames that perf named from /tmp/perf-PID.map keep their plain (normalized) method name.
/// </summary>
internal static partial class PerfScriptFormat
{
    public static StackRecording Parse(TextReader reader, string source, int? onlyPid = null, Func<ulong, string?>? doubleMapped = null)
    {
        var samples = new Dictionary<string, (string[] Frames, long Count)>(StringComparer.Ordinal);
        var frames = new List<string>();
        double? first = null, last = null;
        var keep = true;
        var sawHeader = false;
        string? line;
        void Flush()
        {
            if (keep && frames.Count > 0)
            {
                frames.Reverse();
                var key = string.Join('\n', frames);
                samples[key] = samples.TryGetValue(key, out var s) ? (s.Frames, s.Count + 1) : ([.. frames], 1);
            }

            frames.Clear();
        }

        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                Flush();
                var header = Header().Match(line);
                if (!header.Success)
                {
                    if (line.StartsWith('#'))
                    {
                        continue;
                    }

                    throw new BadInputException($"{source}: '{Shorten(line)}' is not a 'perf script' sample header; pass the text output of 'perf script' after 'perf record -g'.");
                }

                sawHeader = true;
                var time = double.Parse(header.Groups["time"].Value, CultureInfo.InvariantCulture);
                first ??= time;
                last = time;
                keep = onlyPid is null || int.Parse(header.Groups["pid"].Value, CultureInfo.InvariantCulture) == onlyPid;
                continue;
            }

            var frame = FrameLine().Match(line);
            if (frame.Success)
            {
                var dso = frame.Groups["dso"].Value;
                var sym = frame.Groups["sym"].Value;
                if (doubleMapped is not null && sym == "[unknown]" && dso.StartsWith(Backends.JitSymbols.DoubleMapped, StringComparison.Ordinal)
                    && doubleMapped(ulong.Parse(frame.Groups["addr"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)) is { } jitted)
                {
                    frames.Add(PerfMapNames.Normalize(jitted));
                    continue;
                }

                frames.Add(Name(sym, dso));
            }
        }

        Flush();
        if (!sawHeader)
        {
            throw new BadInputException($"{source} holds no 'perf script' samples; record with 'perf record -e cpu-clock -g' and pass the output of 'perf script'.");
        }

        return new StackRecording([.. samples.Values.Select(s => new StackSample(s.Frames, s.Count))], last - first ?? 0);
    }

    /// <summary>True when the text has perf script's shape: a header line, then an indented hex-address frame line.</summary>
    public static bool Looks(string text)
    {
        var lines = text.Split('\n', 40);
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (Header().IsMatch(lines[i]) && FrameLine().IsMatch(lines[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Name(string symbol, string dso)
    {
        var sym = Offset().Replace(symbol.Trim(), string.Empty);
        var file = Path.GetFileName(dso);
        var isPerfMap = file.StartsWith("perf-", StringComparison.Ordinal) && file.EndsWith(".map", StringComparison.Ordinal)
            || dso.StartsWith(Backends.JitSymbols.DoubleMapped, StringComparison.Ordinal);
        if (sym.Length == 0 || sym == "[unknown]")
        {
            return isPerfMap ? "[jit]" : $"[{(file.Length == 0 || file == "unknown" ? "unknown" : file)}]";
        }

        if (isPerfMap)
        {
            return PerfMapNames.Normalize(sym);
        }

        // Shared libraries and the kernel are never the app: tag them so a reader sees where the time went.
        return file.Contains(".so", StringComparison.Ordinal) || dso.StartsWith('[') ? $"{sym} [{file.Trim('[', ']')}]" : sym;
    }

    private static string Shorten(string line) => line.Length > 80 ? line[..80] + "…" : line;

    // "primes-go 10950   326.951631:   10101010 cpu-clock: " or with -F: "primes-go 10950/10951 326.951631:".
    [GeneratedRegex(@"^\S.*?\s(?<pid>\d+)(/\d+)?\s+(\[\d+\]\s+)?(?<time>\d+\.\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s+(?<addr>[0-9a-f]+)\s+(?<sym>.*?)\s+\((?<dso>.*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"\+0x[0-9a-f]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Offset();
}
