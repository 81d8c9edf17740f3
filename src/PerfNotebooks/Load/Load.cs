using PerfNotebooks.Display;
namespace PerfNotebooks.Load;

/// <summary>
/// Load a server over HTTP/1.1 and measure its latency honestly.
/// <code>var run = await Load.Run("http://127.0.0.1:5000/", rate: 500, duration: 10.Seconds());</code>
/// </summary>
public static class Load
{
    /// <summary>
    /// Runs one load test. Without <paramref name="rate"/> it is a closed loop: <paramref name="connections"/>
    /// connections each send a request as soon as the previous reply arrives (like wrk). With a rate it is an
    /// open loop: requests go out on a fixed schedule and latency counts from the scheduled time.
    /// </summary>
    public static Task<LoadResult> Run(
        string url,
        int connections = 10,
        double? rate = null,
        TimeSpan? duration = null,
        TimeSpan? warmup = null,
        string method = "GET",
        IReadOnlyList<string>? headers = null,
        string? body = null,
        TimeSpan? timeout = null,
        bool keepSamples = false,
        IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var defaults = new LoadOptions();
        return Run(url, new LoadOptions
        {
            Connections = connections,
            Rate = rate,
            Duration = duration ?? defaults.Duration,
            Warmup = warmup ?? defaults.Warmup,
            Method = method,
            Headers = headers ?? [],
            Body = body,
            Timeout = timeout ?? defaults.Timeout,
            KeepSamples = keepSamples,
        }, progress, cancellationToken);
    }

    public static async Task<LoadResult> Run(string url, LoadOptions options, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var cell = NotebookHost.JoinCell(cancellationToken); // an interrupted cell stops its load
        cancellationToken = cell.Token;
        var target = LoadTarget.Create(url, options.Method, options.Headers, options.Body);

        // In a notebook with no progress handler of the caller's, the run shows a live progress display.
        var view = progress is null ? ShowProgress($"Load {url}", options.Duration.TotalSeconds, "s") : null;
        if (view is not null)
        {
            progress = new Progress<LoadProgress>(p => view.Update(p.WarmingUp ? 0 : p.Elapsed.TotalSeconds, p.ToString()));
        }

        try
        {
            var result = await new LoadSession(target, options, progress).RunAsync(cancellationToken).ConfigureAwait(false);
            Evidence.EvidenceTrail.Record(new Evidence.TakenEvidence("load", 0, url, DateTimeOffset.UtcNow, options.Duration.TotalSeconds,
                result.Latency is { } p ? $"{result.Requests:N0} requests, p99 {p.P99:0.###} ms, errors: {result.Errors}" : result.NoSuccessReason));
            view?.Complete(
                result.Latency is { } latency ? $"{result.Requests:N0} requests, p99 {latency.P99:0.###} ms" : result.NoSuccessReason,
                success: result.Successes > 0);
            return result;
        }
        catch
        {
            view?.Complete("failed", success: false);
            throw;
        }
    }

    /// <summary>
    /// Before/after verdict from <paramref name="runs"/> runs of each URL, alternating (B A, A B, B A...) so
    /// drift in the machine hits both sides alike. Each run contributes its percentiles as one observation.
    /// </summary>
    public static Task<LoadComparison> Compare(
        string before,
        string after,
        int runs = 5,
        LoadOptions? options = null,
        IProgress<LoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new LoadOptions { Duration = TimeSpan.FromSeconds(5), Warmup = TimeSpan.FromSeconds(1) };
        return Compare(
            ct => Run(before, options, progress, ct),
            ct => Run(after, options, progress, ct),
            runs,
            cancellationToken);
    }

    /// <summary>Same, for any way of producing a run (switch a server flag, restart a process...).</summary>
    public static async Task<LoadComparison> Compare(
        Func<CancellationToken, Task<LoadResult>> before,
        Func<CancellationToken, Task<LoadResult>> after,
        int runs = 5,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (runs is < 2 or > 1000)
        {
            throw new BadInputException($"runs {runs} is out of range; use at least 5 runs per side (2 to 1000).");
        }

        var b = new List<LoadResult>();
        var a = new List<LoadResult>();

        // In a notebook: one display for the whole comparison instead of one per run.
        var view = ShowProgress($"Compare before/after ({runs} runs each, alternating)", 2 * runs, "runs");
        var outer = InnerRunsQuiet.Value;
        InnerRunsQuiet.Value = view is not null || outer;
        try
        {
            for (var i = 0; i < runs; i++)
            {
                // ABBA order cancels a linear drift as well as alternation can.
                foreach (var side in i % 2 == 0 ? [true, false] : new[] { false, true })
                {
                    var run = await (side ? before : after)(cancellationToken).ConfigureAwait(false);
                    (side ? b : a).Add(run);
                    view?.Update(b.Count + a.Count, run.Latency is { } latency
                        ? $"{(side ? "before" : "after")} run {(side ? b : a).Count}: p50 {latency.P50:0.###} ms, {run.RequestsPerSecond:N0} req/s"
                        : $"{(side ? "before" : "after")} run {(side ? b : a).Count}: {run.NoSuccessReason}");
                }
            }

            var comparison = Compare(b, a);
            view?.Complete(comparison["p50"].Verdict);
            return comparison;
        }
        catch
        {
            view?.Complete("failed", success: false);
            throw;
        }
        finally
        {
            InnerRunsQuiet.Value = outer;
        }
    }

    // Set while a comparison shows its own progress, so the runs it makes do not each add a display.
    private static readonly AsyncLocal<bool> InnerRunsQuiet = new();

    private static ProgressView? ShowProgress(string label, double total, string unit) =>
        InnerRunsQuiet.Value ? null : ProgressView.ShowInNotebook(label, total, unit);

    /// <summary>Compares runs already made (for example loaded from saved results).</summary>
    public static LoadComparison Compare(IReadOnlyList<LoadResult> before, IReadOnlyList<LoadResult> after) => LoadComparison.Of(before, after);
}
