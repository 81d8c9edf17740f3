using System.Collections.Concurrent;
using System.Net;

namespace PerfNotebooks.Workbooks;

/// <summary>
/// Checkpoints in a workbook: each verifies the learner's work against the live system and says what is
/// missing, with a hint, when it is not done yet. Results show in the cell and are collected for
/// <see cref="Summary"/> and for <c>perfnb workbook grade</c>.
/// </summary>
public static class Check
{
    private static readonly ConcurrentDictionary<string, CheckResult> Results = new(StringComparer.Ordinal);

    // The dictionary does not keep insertion order; summaries list checkpoints in notebook order.
    private static readonly ConcurrentDictionary<string, long> FirstSeen = new(StringComparer.Ordinal);
    private static long seen;

    /// <summary>Records and shows whether <paramref name="checkpoint"/> holds.</summary>
    /// <param name="checkpoint">A short, stable name ("n+1 fixed", "p99 dropped").</param>
    /// <param name="passed">The condition, evaluated on live measurements.</param>
    /// <param name="detail">What was measured, e.g. "p99 120 ms → 8 ms (bound: 24 ms)".</param>
    /// <param name="hint">What to try when it does not hold.</param>
    public static CheckResult That(string checkpoint, bool passed, string detail, string? hint = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpoint);
        var result = new CheckResult(checkpoint, passed, detail, hint);
        FirstSeen.GetOrAdd(checkpoint, _ => Interlocked.Increment(ref seen));
        Results[checkpoint] = result;
        if (NotebookHost.Display(result) is null)
        {
            Console.WriteLine(result);
        }

        return result;
    }

    /// <summary>Every checkpoint recorded so far in this session, in the order first seen.</summary>
    public static IReadOnlyList<CheckResult> All => [.. Results.Values.OrderBy(r => FirstSeen.GetValueOrDefault(r.Checkpoint))];

    /// <summary>A progress summary: how many checkpoints pass, and which do not yet.</summary>
    public static CheckSummary Summary() => new(All);

    /// <summary>Forgets recorded checkpoints (a new attempt at the workbook).</summary>
    public static void Reset()
    {
        Results.Clear();
        FirstSeen.Clear();
    }
}

/// <summary>Progress through a workbook's checkpoints.</summary>
public sealed record CheckSummary(IReadOnlyList<CheckResult> Results) : IMimeRenderable
{
    public int Passed => Results.Count(r => r.Passed);

    public override string ToString() =>
        $"{Passed}/{Results.Count} checkpoints passed" + string.Concat(Results.Select(r => "\n  " + r.ToString().Split('\n')[0]));

    public IReadOnlyDictionary<string, string> ToMimeBundle()
    {
        var rows = string.Concat(Results.Select(r =>
            $"<tr><td>{(r.Passed ? "✔" : "✘")}</td><td>{WebUtility.HtmlEncode(r.Checkpoint)}</td><td>{WebUtility.HtmlEncode(r.Detail)}</td></tr>"));
        return new Dictionary<string, string>
        {
            ["text/plain"] = ToString(),
            ["text/html"] = $"<div><b>{Passed}/{Results.Count} checkpoints passed</b><table>{rows}</table></div>",
        };
    }
}
