using System.Globalization;

namespace PerfNotebooks.Servers;

/// <summary>The line a sample server prints once it listens: "http://127.0.0.1:PORT pid=N key=value ...".</summary>
internal sealed record ReadyLine(Uri Url, int Pid, IReadOnlyDictionary<string, string> Facts)
{
    /// <summary>The line itself: the URL, then pid, then each fact as key=value (values must not contain spaces).</summary>
    public static string Format(Uri url, int pid, IEnumerable<KeyValuePair<string, string>> facts) =>
        string.Join(' ', [url.ToString().TrimEnd('/'), "pid=" + pid.ToString(CultureInfo.InvariantCulture),
            .. facts.Select(kv => kv.Key + "=" + kv.Value)]);

    public static ReadyLine? TryParse(string? line)
    {
        if (line is null || !line.StartsWith("http://", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var facts = parts.Skip(1).Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        return Uri.TryCreate(parts[0], UriKind.Absolute, out var url)
            && facts.TryGetValue("pid", out var pidText)
            && int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                ? new ReadyLine(url, pid, facts)
                : null;
    }

    public double Number(string key) =>
        Facts.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    public string Text(string key) => Facts.TryGetValue(key, out var text) ? text : "";
}
