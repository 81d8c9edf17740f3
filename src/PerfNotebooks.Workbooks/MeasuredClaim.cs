using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using PerfNotebooks.Load;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Workbooks;

/// <summary>
/// A resume bullet written from a measured before/after comparison — metric, percentile, before → after, the change
/// computed from the data, workload, hardware and tool versions — and the one command that reproduces it.
/// <code>var claim = MeasuredClaim.From(comparison, "batching the per-user queries into one query", "./perfnb workbook run 03-n-plus-one");</code>
/// </summary>
public sealed record MeasuredClaim : IMimeRenderable
{
    /// <summary>The MIME type `perfnb workbook run` looks for and prints.</summary>
    public const string MimeType = "application/vnd.perfnb.claim+json";

    private static readonly string[] LatencyMetrics = ["p50", "p90", "p99", "mean"];

    /// <summary>The resume bullet.</summary>
    public required string Bullet { get; init; }

    /// <summary>The one command that reproduces the measurement.</summary>
    public required string Reproduce { get; init; }

    /// <summary>The comparison metric the bullet states: p50, p90, p99, mean or rps.</summary>
    public required string Metric { get; init; }

    public required string Unit { get; init; }

    /// <summary>Median of the metric over the before runs.</summary>
    public required double Before { get; init; }

    /// <summary>Median of the metric over the after runs.</summary>
    public required double After { get; init; }

    /// <summary>|after − before| / before, in percent, from the unrounded medians.</summary>
    public required double ChangePercent { get; init; }

    /// <summary>Mann–Whitney p-value of the shift (from the comparison).</summary>
    public required double PValue { get; init; }

    /// <summary>Runs per side the medians come from.</summary>
    public required int Runs { get; init; }

    public required RunEnvironment Environment { get; init; }

    /// <summary>
    /// Writes the claim for <paramref name="metric"/> of <paramref name="comparison"/>. Throws when the data does not
    /// support a claim: the metric did not change significantly, or it got worse.
    /// </summary>
    /// <param name="comparison">Alternating before/after runs (<see cref="Load.Load.Compare(string, string, int, LoadOptions?, IProgress{LoadProgress}?, CancellationToken)"/>).</param>
    /// <param name="change">What was done, as it completes "by ...", e.g. "batching the per-user queries into one joined query".</param>
    /// <param name="reproduce">The command that reproduces the measurement, e.g. "./perfnb workbook run 03-n-plus-one".</param>
    /// <param name="metric">p50, p90, p99, mean (latency) or rps (throughput).</param>
    /// <param name="endpoint">How to name the endpoint, e.g. "GET /users"; default: the path the runs loaded.</param>
    /// <param name="tools">Further tools (with versions) that confirmed the measurement, e.g. "wrk 4.2.0".</param>
    /// <param name="server">The server measured: the bullet names its runtime and version ("against a Go 1.19.8 server"), not only the generator's.</param>
    public static MeasuredClaim From(
        LoadComparison comparison,
        string change,
        string reproduce,
        string metric = "p99",
        string? endpoint = null,
        IEnumerable<string>? tools = null,
        SampleServer? server = null) =>
        From(comparison, change, reproduce, metric, endpoint, tools, server?.RuntimeDescription);

    /// <summary>As the public overload, with the server's runtime as the bullet states it (".NET 10.0.12", "Go 1.19.8").</summary>
    internal static MeasuredClaim From(
        LoadComparison comparison,
        string change,
        string reproduce,
        string metric,
        string? endpoint,
        IEnumerable<string>? tools,
        string? serverRuntime)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentException.ThrowIfNullOrWhiteSpace(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(reproduce);
        var shift = comparison.Metrics.FirstOrDefault(m => m.Metric == metric)
            ?? throw new BadInputException($"metric '{metric}' is not in the comparison; use one of: {string.Join(", ", comparison.Metrics.Select(m => m.Metric))}.");
        if (!shift.Significant)
        {
            throw new BadInputException($"{metric} did not change significantly ({shift.Verdict}); there is no claim to make yet: apply the fix, then measure again (or use more runs).");
        }

        var lowerIsBetter = LatencyMetrics.Contains(metric);
        var improved = lowerIsBetter ? shift.AfterMedian < shift.BeforeMedian : shift.AfterMedian > shift.BeforeMedian;
        if (!improved || shift.BeforeMedian <= 0)
        {
            throw new BadInputException($"{metric} got worse ({Number(shift.BeforeMedian)} → {Number(shift.AfterMedian)} {shift.Unit}); a claim states an improvement: check the fix is applied to the 'after' side.");
        }

        var first = comparison.Before[0];
        var environment = first.Environment;
        var percent = Math.Abs(shift.AfterMedian - shift.BeforeMedian) / shift.BeforeMedian * 100;
        var bullet = string.Create(CultureInfo.InvariantCulture, $"{Headline(comparison, shift, lowerIsBetter, StatedPercent(shift.BeforeMedian, shift.AfterMedian))} on {endpoint ?? DefaultEndpoint(first)} by {change.Trim().TrimEnd('.')}, under {Workload(comparison)} on a {environment.Cores}-core {OsFamily()} machine, measured with {Tools(environment, tools, serverRuntime)}");
        return new MeasuredClaim
        {
            Bullet = bullet,
            Reproduce = reproduce.Trim(),
            Metric = metric,
            Unit = shift.Unit,
            Before = shift.BeforeMedian,
            After = shift.AfterMedian,
            ChangePercent = percent,
            PValue = shift.PValue,
            Runs = Math.Min(comparison.Before.Count, comparison.After.Count),
            Environment = environment,
        };
    }

    /// <summary>
    /// Writes the claim for any measured quantity (retained memory, errors...) from repeated runs per side, e.g.
    /// <c>FromRuns("retained heap growth", "MB", before, after, "1,000 distinct searches per run", "bounding the cache", "./perfnb workbook run 04", "GET /search")</c>.
    /// The bullet states medians; the shift must be significant (Mann–Whitney, at least 5 runs per side).
    /// </summary>
    public static MeasuredClaim FromRuns(
        string quantity,
        string unit,
        IReadOnlyList<double> before,
        IReadOnlyList<double> after,
        string workload,
        string change,
        string reproduce,
        string endpoint,
        IEnumerable<string>? tools = null,
        bool lowerIsBetter = true,
        SampleServer? server = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(quantity);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentException.ThrowIfNullOrWhiteSpace(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(reproduce);
        if (before.Count < 5 || after.Count < 5)
        {
            throw new BadInputException($"{quantity}: {before.Count} runs before and {after.Count} after; a claim needs at least 5 runs per side.");
        }

        var test = ShiftTest.Run(before, after);
        var (b, a) = (Median.Of(before), Median.Of(after));
        if (test.PValue >= 0.05 || (test.CiLow <= 0 && test.CiHigh >= 0))
        {
            throw new BadInputException($"{quantity} did not change significantly (p = {test.PValue.ToString("0.###", CultureInfo.InvariantCulture)}); there is no claim to make yet: apply the fix, then measure again.");
        }

        if ((lowerIsBetter ? a >= b : a <= b) || b <= 0)
        {
            throw new BadInputException($"{quantity} got worse ({Number(b)} → {Number(a)} {unit}); a claim states an improvement: check the fix is applied to the 'after' side.");
        }

        var environment = RunEnvironment.Current;
        var percent = Math.Abs(a - b) / b * 100;
        var ci = CultureInfo.InvariantCulture;
        string Value(double x) => unit == "%" ? Number(x) + "%" : Number(x) + " " + unit;
        var headline = string.Create(ci, $"{(lowerIsBetter ? "Cut" : "Raised")} median {quantity} from {Value(b)} to {Value(a)} ({Number(StatedPercent(b, a))}% {(lowerIsBetter ? "lower" : "higher")})");
        var bullet = string.Create(ci, $"{headline} on {endpoint} by {change.Trim().TrimEnd('.')}, under {workload} ({Math.Min(before.Count, after.Count)} runs per side) on a {environment.Cores}-core {OsFamily()} machine, measured with {Tools(environment, tools, server?.RuntimeDescription)}");
        return new MeasuredClaim
        {
            Bullet = bullet,
            Reproduce = reproduce.Trim(),
            Metric = quantity,
            Unit = unit,
            Before = b,
            After = a,
            ChangePercent = percent,
            PValue = test.PValue,
            Runs = Math.Min(before.Count, after.Count),
            Environment = environment,
        };
    }

    public override string ToString() => $"{Bullet}\nReproduce: {Reproduce}";

    public IReadOnlyDictionary<string, string> ToMimeBundle()
    {
        var details = string.Create(CultureInfo.InvariantCulture, $"{Metric}: median of {Runs} runs per side, {Number(Before)} → {Number(After)} {Unit}, Mann–Whitney p = {PValue:0.####}; {Environment.Os}, {Environment.Dotnet}");
        return new Dictionary<string, string>
        {
            ["text/plain"] = ToString(),
            ["text/html"] = "<div style=\"border-left:4px solid #0969da;padding:.4em .8em;margin:.3em 0\"><b>Claim</b><br>"
                + WebUtility.HtmlEncode(Bullet)
                + "<br><b>Reproduce:</b> <code>" + WebUtility.HtmlEncode(Reproduce) + "</code>"
                + "<br><small>" + WebUtility.HtmlEncode(details) + "</small></div>",
            [MimeType] = JsonSerializer.Serialize(new
            {
                bullet = Bullet,
                reproduce = Reproduce,
                metric = Metric,
                unit = Unit,
                before = Before,
                after = After,
                change_percent = Math.Round(ChangePercent, 1),
                p_value = PValue,
                runs = Runs,
                cores = Environment.Cores,
                os = Environment.Os,
                dotnet = Environment.Dotnet,
                tool = Environment.Tool,
            }),
        };
    }

    private static string Headline(LoadComparison comparison, MetricShift shift, bool lowerIsBetter, double percent)
    {
        var ci = CultureInfo.InvariantCulture;
        var p99 = comparison["p99"];
        var p99Improved = p99.AfterMedian < p99.BeforeMedian;
        if (lowerIsBetter)
        {
            var name = shift.Metric switch { "p50" => "median latency", "mean" => "mean latency", _ => shift.Metric + " latency" };
            var main = string.Create(ci, $"Cut {name} from {Number(shift.BeforeMedian)} ms to {Number(shift.AfterMedian)} ms ({Number(percent)}% lower)");
            if (shift.Metric != "mean")
            {
                return main;
            }

            // A mean names no percentile; the p99 beside it does (and readers want the tail too).
            return main + (p99Improved
                ? string.Create(ci, $" and p99 latency from {Number(p99.BeforeMedian)} ms to {Number(p99.AfterMedian)} ms")
                : string.Create(ci, $" with p99 latency at {Number(p99.AfterMedian)} ms"));
        }

        // Throughput names no percentile either. The latency pair goes first: a change stated after both pairs
        // would be read against the nearer one.
        var raised = string.Create(ci, $"raised throughput from {Number(shift.BeforeMedian)} req/s to {Number(shift.AfterMedian)} req/s ({Number(percent)}% higher)");
        return p99Improved
            ? string.Create(ci, $"Cut p99 latency from {Number(p99.BeforeMedian)} ms to {Number(p99.AfterMedian)} ms and {raised}")
            : string.Create(ci, $"{char.ToUpperInvariant(raised[0])}{raised[1..]} with p99 latency at {Number(p99.AfterMedian)} ms");
    }

    private static string DefaultEndpoint(LoadResult run) =>
        Uri.TryCreate(run.Url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : run.Url;

    private static string Workload(LoadComparison comparison)
    {
        var run = comparison.Before[0];
        var seconds = Number(run.Duration.TotalSeconds);
        var runs = Math.Min(comparison.Before.Count, comparison.After.Count);
        var load = run.TargetRate is { } rate
            ? string.Create(CultureInfo.InvariantCulture, $"an open-loop rate of {Number(rate)} req/s over {run.Connections} connections")
            : string.Create(CultureInfo.InvariantCulture, $"{run.Connections} concurrent connections");
        return string.Create(CultureInfo.InvariantCulture, $"{load} ({runs} runs of {seconds} s per side)");
    }

    private static string OsFamily() =>
        OperatingSystem.IsLinux() ? "Linux"
        : OperatingSystem.IsWindows() ? "Windows"
        : OperatingSystem.IsMacOS() ? "macOS"
        : RuntimeInformation.OSDescription.Split(' ')[0];

    // The generator's runtime says nothing about the server's: a Go server's claim that read "on .NET 10" misled.
    internal static string Tools(RunEnvironment environment, IEnumerable<string>? extra, string? server)
    {
        var names = new List<string> { environment.Tool };
        names.AddRange((extra ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()));
        var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return string.IsNullOrWhiteSpace(server) ? $"{list} on {environment.Dotnet}" : $"{list} against a {server} server";
    }

    // The change a reader can check: from the numbers as the bullet prints them, not the unrounded medians, which
    // can disagree with the printed pair by more than the analyzer's 3 points when the change is large
    // (102.4 → 67,055 req/s prints as 102 → 67055, and 65,383% is not what those two say).
    private static double StatedPercent(double before, double after)
    {
        var (b, a) = (Printed(before), Printed(after));
        return b <= 0 ? Math.Abs(after - before) / before * 100 : Math.Abs(a - b) / b * 100;
    }

    /// <summary>Three significant figures at most: 182, 18.2, 1.82 (what the analyzer compares within tolerance).</summary>
    private static double Printed(double value) =>
        Math.Round(value, value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3, MidpointRounding.AwayFromZero);

    private static string Number(double value) => Printed(value).ToString("0.###", CultureInfo.InvariantCulture);
}
