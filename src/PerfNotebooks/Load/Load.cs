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
        var target = LoadTarget.Create(url, options.Method, options.Headers, options.Body);

        // In a notebook with no progress handler of the caller's, the run shows a live progress display.
        PerfNotebooks.Display.ProgressView? view = null;
        if (progress is null && NotebookHost.Current is not null)
        {
            view = new PerfNotebooks.Display.ProgressView($"Load {url}", options.Duration.TotalSeconds, "s");
            if (NotebookHost.Display(view) is not null)
            {
                progress = new Progress<LoadProgress>(p => view.Update(p.WarmingUp ? 0 : p.Elapsed.TotalSeconds, p.ToString()));
            }
        }

        try
        {
            var result = await new LoadSession(target, options, progress).RunAsync(cancellationToken).ConfigureAwait(false);
            view?.Complete($"{result.Requests:N0} requests, p99 {result.Latency.P99:0.###} ms");
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
        for (var i = 0; i < runs; i++)
        {
            // ABBA order cancels a linear drift as well as alternation can.
            if (i % 2 == 0)
            {
                b.Add(await before(cancellationToken).ConfigureAwait(false));
                a.Add(await after(cancellationToken).ConfigureAwait(false));
            }
            else
            {
                a.Add(await after(cancellationToken).ConfigureAwait(false));
                b.Add(await before(cancellationToken).ConfigureAwait(false));
            }
        }

        return Compare(b, a);
    }

    /// <summary>Compares runs already made (for example loaded from saved results).</summary>
    public static LoadComparison Compare(IReadOnlyList<LoadResult> before, IReadOnlyList<LoadResult> after) => LoadComparison.Of(before, after);
}
