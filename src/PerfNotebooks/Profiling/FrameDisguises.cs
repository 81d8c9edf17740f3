using System.Collections.Concurrent;

namespace PerfNotebooks.Profiling;

/// <summary>
/// Words a profile of one process must not show, each with its stand-in: an interview server's frames would otherwise
/// name its scenario (…NPlusOne.NPlusOneScenario…) to the candidate who profiles it. Applied to frame names, source
/// file names and source texts as the trace is read; only for profiles taken in this process (the library's own).
/// </summary>
internal static class FrameDisguises
{
    private static readonly ConcurrentDictionary<int, IReadOnlyList<(string Real, string Shown)>> ByPid = new();

    /// <summary>Disguises profiles of <paramref name="pid"/> until the returned handle is disposed.</summary>
    public static IDisposable Register(int pid, IReadOnlyList<(string Real, string Shown)> words)
    {
        ByPid[pid] = words;
        return new Registration(pid, words);
    }

    /// <summary>The text as a profile of <paramref name="pid"/> may show it.</summary>
    public static string Apply(int pid, string text)
    {
        if (pid <= 0 || !ByPid.TryGetValue(pid, out var words))
        {
            return text;
        }

        foreach (var (real, shown) in words)
        {
            text = text.Replace(real, shown, StringComparison.Ordinal);
        }

        return text;
    }

    public static bool Applies(int pid) => pid > 0 && ByPid.ContainsKey(pid);

    private sealed class Registration(int pid, IReadOnlyList<(string Real, string Shown)> words) : IDisposable
    {
        // Only its own: a later interview may have taken the pid over.
        public void Dispose() => ByPid.TryRemove(new KeyValuePair<int, IReadOnlyList<(string Real, string Shown)>>(pid, words));
    }
}
