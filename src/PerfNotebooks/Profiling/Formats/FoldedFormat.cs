using System.Globalization;

namespace PerfNotebooks.Profiling.Formats;

/// <summary>Reads folded stacks ("main;work;spin 42" per line, root first), as written by stackcollapse scripts or <see cref="FoldedStacks"/>.</summary>
internal static class FoldedFormat
{
    public static StackRecording Parse(string text, string source)
    {
        var samples = new List<StackSample>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space <= 0 || !long.TryParse(line.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new BadInputException($"{source} line {lineNumber} is not a folded stack ('frame;frame;frame COUNT'); pass folded stacks, a pprof, .cpuprofile or 'perf script' file.");
            }

            samples.Add(new StackSample(line[..space].Split(';'), count));
        }

        return new StackRecording(samples, 0);
    }

    /// <summary>True when every non-empty line looks like "a;b;c 12" (the first 50 lines are enough to tell).</summary>
    public static bool Looks(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Take(50).All(l =>
        {
            var space = l.LastIndexOf(' ');
            return space > 0 && !char.IsWhiteSpace(l[0]) && long.TryParse(l.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        });
}
