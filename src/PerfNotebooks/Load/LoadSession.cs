using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using HdrHistogram;

namespace PerfNotebooks.Load;

/// <summary>
/// One load run: the connection loops (closed or open), and a monitor that cuts per-second intervals,
/// enforces timeouts, reports progress and notices a dead server. Recording is a lock-free HdrHistogram
/// <see cref="Recorder"/> in microseconds, 3 significant digits.
/// </summary>
internal sealed class LoadSession : Epoll.IReplyRecorder
{
    private const long HighestMicros = 3_600_000_000; // one hour
    private static readonly double MicrosPerTick = 1_000_000.0 / Stopwatch.Frequency;
    private readonly LoadTarget target;
    private readonly LoadOptions options;
    private readonly IProgress<LoadProgress>? progress;
    private readonly Recorder recorder = new(1, HighestMicros, 3, (id, low, high, digits) => new LongConcurrentHistogram(id, low, high, digits));
    private readonly long[] statusCounts = new long[600];
    private readonly Connection[] connections;
    private readonly HttpClientSender? client;
    private long t0;
    private long measureStart;
    private long endTicks;
    // Replies count only when they complete by this tick: the end of the window, or the early stop.
    private long windowEnd = long.MaxValue;
    private volatile bool stopping;
    private volatile bool cancelled;
    private long connectErrors;
    private long writeErrors;
    private long readErrors;
    private long timeoutErrors;
    private long consecutiveConnectFailures;

    public LoadSession(LoadTarget target, LoadOptions options, IProgress<LoadProgress>? progress)
    {
        this.target = target;
        this.options = options = options with { Engine = Resolve(options, target) };
        this.progress = progress;
        client = options.Engine == LoadEngine.HttpClient ? new HttpClientSender(target, options) : null;
        connections = [.. Enumerable.Range(0, options.Connections).Select(i => new Connection(new HttpConnection(target, UsesThreads(options)), i, options.KeepSamples))];
    }

    private long ErrorCount =>
        Interlocked.Read(ref connectErrors) + Interlocked.Read(ref writeErrors) + Interlocked.Read(ref readErrors)
        + Interlocked.Read(ref timeoutErrors) + statusCounts.Sum(c => Interlocked.Read(ref c));

    public async Task<LoadResult> RunAsync(CancellationToken cancellation)
    {
        await PreflightAsync(cancellation).ConfigureAwait(false);
        var freq = Stopwatch.Frequency;
        t0 = Stopwatch.GetTimestamp();
        measureStart = t0 + (long)(options.Warmup.TotalSeconds * freq);
        endTicks = measureStart + (long)(options.Duration.TotalSeconds * freq);
        Volatile.Write(ref windowEnd, endTicks);
        foreach (var c in connections)
        {
            c.LastReply = t0;
        }

        var loops = UsesEpoll ? EpollLoops()
            : connections.Select(c => UsesThreads(options) ? OnOwnThread(c) : Task.Run(() => options.Rate is null ? ClosedLoopAsync(c) : OpenLoopAsync(c))).ToArray();
        var allLoops = Task.WhenAll(loops);

        var total = new LongHistogram(HighestMicros, 3);
        var pending = new LongHistogram(HighestMicros, 3);
        HistogramBase? recycled = null;
        var series = new List<SecondSample>();
        var errorsAtLastSecond = 0L;
        var nextBoundary = FirstBoundary();
        string? stoppedEarly = null;
        long stopTicks;

        void CutInterval()
        {
            var interval = recorder.GetIntervalHistogram(recycled);
            total.Add(interval);
            pending.Add(interval);
            recycled = interval;
        }

        void EmitSecond(int second)
        {
            var errors = ErrorCount;
            series.Add(new SecondSample(
                second,
                pending.TotalCount,
                errors - errorsAtLastSecond,
                pending.TotalCount == 0 ? null : LatencySummary.Ms(pending.GetValueAtPercentile(50)),
                pending.TotalCount == 0 ? null : LatencySummary.Ms(pending.GetValueAtPercentile(99)),
                pending.TotalCount == 0 ? null : LatencySummary.Ms(pending.GetMaxValue())));
            errorsAtLastSecond = errors;
            pending.Reset();
        }

        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            EnforceTimeouts(now);
            if (now >= nextBoundary && nextBoundary <= endTicks)
            {
                CutInterval();
                var second = (int)Math.Round((double)(nextBoundary - measureStart) / freq);
                if (second >= 1)
                {
                    var rps = pending.TotalCount;
                    EmitSecond(second);
                    Report(false, now, total, rps);
                }
                else
                {
                    Report(true, now, total, pending.TotalCount);
                    errorsAtLastSecond = ErrorCount;
                }

                nextBoundary = NextBoundary(nextBoundary);
            }

            if (cancellation.IsCancellationRequested)
            {
                stopping = true;
                cancelled = true;
                foreach (var c in connections)
                {
                    c.Http.AbortIfStillRunning(c.Http.RequestNumber);
                }

                await allLoops.ConfigureAwait(false);
                cancellation.ThrowIfCancellationRequested();
            }

            if (now >= endTicks)
            {
                stopTicks = endTicks;
                break;
            }

            if (ServerLooksDead(now))
            {
                stopTicks = now;
                Volatile.Write(ref windowEnd, now);
                var measured = Math.Max(0, (double)(now - measureStart) / freq);
                stoppedEarly = $"the server at {target.Url} stopped accepting connections {measured:0.0} s into the measured run "
                    + $"(connection refused {Interlocked.Read(ref consecutiveConnectFailures)} times in a row); the results cover the time before that.";
                break;
            }

            // Wake at the window's end, not up to a tick after it: the loops stop sending as soon as it closes.
            var untilEnd = TimeSpan.FromSeconds((double)(endTicks - Stopwatch.GetTimestamp()) / freq);
            var pause = TimeSpan.FromMilliseconds(100);
            await Task.Delay(untilEnd < pause ? (untilEnd > TimeSpan.Zero ? untilEnd : TimeSpan.Zero) : pause, CancellationToken.None).ConfigureAwait(false);
        }

        // Let requests in flight finish (or time out), still enforcing timeouts so a hung server cannot hang us.
        stopping = true;
        while (!allLoops.IsCompleted)
        {
            EnforceTimeouts(Stopwatch.GetTimestamp());
            await Task.WhenAny(allLoops, Task.Delay(100, CancellationToken.None)).ConfigureAwait(false);
        }

        await allLoops.ConfigureAwait(false);
        CutInterval();
        var lastSecond = (int)Math.Ceiling(((double)(stopTicks - measureStart) / freq) - 1e-6);
        if (series.Count > 0 && series[^1].Second >= lastSecond)
        {
            // Replies that arrived while draining belong to the last second.
            var last = series[^1];
            series[^1] = last with
            {
                Requests = last.Requests + pending.TotalCount,
                Errors = last.Errors + (ErrorCount - errorsAtLastSecond),
                MaxMs = pending.TotalCount == 0 ? last.MaxMs : Math.Max(last.MaxMs ?? 0, LatencySummary.Ms(pending.GetMaxValue())),
            };
        }
        else if (lastSecond >= 1)
        {
            EmitSecond(lastSecond);
        }

        foreach (var c in connections)
        {
            c.Http.Dispose();
        }

        client?.Dispose();
        return BuildResult(total, series, stopTicks, stoppedEarly);
    }

    // The epoll engine: a closed loop over plain HTTP, on Linux x86-64 (its struct layouts).
    private bool UsesEpoll => options.Engine == LoadEngine.Epoll;

    bool Epoll.IReplyRecorder.Stopping => stopping;

    bool Epoll.IReplyRecorder.Cancelled => cancelled;

    long Epoll.IReplyRecorder.TimeoutTicks => (long)(options.Timeout.TotalSeconds * Stopwatch.Frequency);

    int Epoll.IReplyRecorder.Record(int connection, int outcome, long sentAt)
    {
        var c = connections[connection];
        return Record(c, outcome, sentAt, sentAt, ref c.Failures);
    }

    /// <summary>One event loop per core (at most one per connection), each on its own thread over its share of the connections.</summary>
    private Task[] EpollLoops()
    {
        var threads = Math.Min(options.Connections, Environment.ProcessorCount);
        return [.. Enumerable.Range(0, threads).Select(t =>
        {
            var mine = connections.Where(c => c.Index % threads == t).Select(c => new Epoll.EpollConnection(target, c.Index)).ToList();
            var loop = new Epoll.EpollLoop(mine, this);
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    loop.Run();
                    done.SetResult();
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            })
            { IsBackground = true, Name = $"perfnb load epoll {t}" };
            thread.Start();
            return done.Task;
        })];
    }

    /// <summary>
    /// The engine a run uses. HTTPS goes through HttpClient's TLS; the socket engines write plain HTTP/1.1. Auto: a
    /// closed loop is our epoll engine on Linux x86-64 (an event loop per core over raw sockets, as wrk's: 1.04-1.69x
    /// wrk's req/s at 0.86-1.07x its CPU a request, docs/benchmarks.md, issue 17); elsewhere, or for an open loop's
    /// schedule, async sockets, except a closed loop of up to 64 connections in a process whose socket continuations
    /// run on the thread pool (a notebook kernel), which gets a blocking thread per connection. Epoll asked for where
    /// it cannot run is async.
    /// </summary>
    private static LoadEngine Resolve(LoadOptions options, LoadTarget target) => options.Engine switch
    {
        _ when target.IsHttps => LoadEngine.HttpClient,
        LoadEngine.Auto or LoadEngine.Epoll when options.Rate is null && Epoll.LinuxSockets.Available => LoadEngine.Epoll,
        LoadEngine.Auto when options.Rate is null && options.Connections <= 64 && !InlineSocketCompletions => LoadEngine.Threads,
        LoadEngine.Auto or LoadEngine.Epoll => LoadEngine.Async,
        LoadEngine.Threads when options.Rate is not null => LoadEngine.Async,
        var chosen => chosen,
    };

    private static bool UsesThreads(LoadOptions options) => options.Engine == LoadEngine.Threads;

    // The runtime reads this once, when its socket engine starts; perfnb load sets it first thing.
    private static bool InlineSocketCompletions =>
        Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") == "1";

    private Task OnOwnThread(Connection c)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                ClosedLoopAsync(c).GetAwaiter().GetResult();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        { IsBackground = true, Name = $"perfnb load {c.Index}" };
        thread.Start();
        return done.Task;
    }

    private long FirstBoundary() =>
        // Boundaries are whole seconds from the start of measurement; warm-up ticks every second up to it.
        measureStart > t0 ? Math.Min(t0 + Stopwatch.Frequency, measureStart) : measureStart + Stopwatch.Frequency;

    private long NextBoundary(long boundary) => boundary < measureStart ? Math.Min(boundary + Stopwatch.Frequency, measureStart) : boundary + Stopwatch.Frequency;

    private void Report(bool warmingUp, long now, HistogramBase total, long lastSecondCount)
    {
        if (progress is null)
        {
            return;
        }

        var freq = (double)Stopwatch.Frequency;
        progress.Report(new LoadProgress(
            warmingUp,
            TimeSpan.FromSeconds(warmingUp ? (now - t0) / freq : (now - measureStart) / freq),
            options.Duration,
            total.TotalCount,
            lastSecondCount,
            total.TotalCount == 0 ? 0 : LatencySummary.Ms(total.GetValueAtPercentile(99)),
            warmingUp ? 0 : ErrorCount));
    }

    private LoadResult BuildResult(LongHistogram total, List<SecondSample> series, long stopTicks, string? stoppedEarly)
    {
        var freq = (double)Stopwatch.Frequency;
        var measuredTicks = Math.Max(0, stopTicks - measureStart);
        long late = 0, dropped = 0;
        if (options.Rate is { } rate)
        {
            late = connections.Sum(c => c.Late);
            var expected = (long)Math.Floor(rate * measuredTicks / freq);
            dropped = Math.Max(0, expected - connections.Sum(c => c.SentOnSchedule));
        }

        var status = new Dictionary<int, long>();
        for (var code = 0; code < statusCounts.Length; code++)
        {
            if (statusCounts[code] > 0)
            {
                status[code] = statusCounts[code];
            }
        }

        return new LoadResult(total)
        {
            Successes = connections.Sum(c => c.Successes),
            Timeout = options.Timeout,
            Url = target.Url.ToString(),
            Mode = options.Rate is null ? "closed" : "open",
            Connections = options.Connections,
            TargetRate = options.Rate,
            Duration = TimeSpan.FromSeconds(measuredTicks / freq),
            Warmup = options.Warmup,
            Requests = connections.Sum(c => c.Replies),
            Errors = new LoadErrors(connectErrors, writeErrors, readErrors, timeoutErrors, status),
            Late = late,
            Dropped = dropped,
            PerSecond = series,
            Environment = RunEnvironment.Current,
            StoppedEarly = stoppedEarly,
            SamplesMs = options.KeepSamples ? [.. connections.SelectMany(c => c.Samples!)] : null,
        };
    }

    private static readonly TimeSpan PreflightFloor = TimeSpan.FromSeconds(3);

    private async Task PreflightAsync(CancellationToken cancellation)
    {
        using var probe = new Socket(target.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // A refused connection fails at once whatever the wait; the floor keeps a short request timeout (300 ms)
        // on a busy machine, where the connect's completion can wait that long for a thread, from reading as "no server".
        var wait = options.Timeout > PreflightFloor ? options.Timeout : PreflightFloor;
        timeout.CancelAfter(wait);
        try
        {
            await probe.ConnectAsync(target.EndPoint, timeout.Token).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new WorkFailedException($"could not connect to {target.Url} ({e.SocketErrorCode}); is the server running and listening on {target.EndPoint}?", e);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new WorkFailedException($"could not connect to {target.Url} within {wait.TotalSeconds:0.#} s; is the server running and listening on {target.EndPoint}?");
        }
    }

    private void EnforceTimeouts(long now)
    {
        var limit = (long)(options.Timeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var c in connections)
        {
            var number = c.Http.RequestNumber;
            var since = Volatile.Read(ref c.Http.InFlightSince);
            if (since != 0 && now - since > limit)
            {
                c.Http.AbortIfStillRunning(number);
            }
        }
    }

    private bool ServerLooksDead(long now)
    {
        // Refused again and again, and no reply on any connection for a second: the server is gone.
        if (Interlocked.Read(ref consecutiveConnectFailures) < Math.Max(3, Math.Min(options.Connections, 20)))
        {
            return false;
        }

        var lastReply = connections.Max(c => Volatile.Read(ref c.LastReply));
        return now - lastReply > Stopwatch.Frequency;
    }

    private async Task ClosedLoopAsync(Connection c)
    {
        var failures = 0;
        while (!stopping)
        {
            var sent = Stopwatch.GetTimestamp();
            var status = await SendAsync(c, sent).ConfigureAwait(false);
            failures = await AfterReplyAsync(c, status, sent, sent, failures).ConfigureAwait(false);
        }
    }

    private async Task OpenLoopAsync(Connection c)
    {
        var n = options.Connections;
        var interval = Stopwatch.Frequency / options.Rate!.Value;
        var lateTicks = (long)(options.LateThreshold.TotalSeconds * Stopwatch.Frequency);
        var millisecond = Stopwatch.Frequency / 1000;
        var failures = 0;
        for (long k = 0; !stopping; k++)
        {
            var scheduled = t0 + (long)(((k * n) + c.Index) * interval);
            if (scheduled >= endTicks)
            {
                break;
            }

            var now = Stopwatch.GetTimestamp();
            if (scheduled - now > millisecond)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)(scheduled - now) / Stopwatch.Frequency), CancellationToken.None).ConfigureAwait(false);
                if (stopping)
                {
                    break;
                }

                now = Stopwatch.GetTimestamp();
            }

            if (scheduled >= measureStart)
            {
                c.SentOnSchedule++;
                if (now - scheduled > lateTicks)
                {
                    c.Late++;
                }
            }

            // Charged from the scheduled time: waiting behind a stalled reply is the server's latency too.
            var from = Math.Min(scheduled, now);
            var status = await SendAsync(c, now).ConfigureAwait(false);
            failures = await AfterReplyAsync(c, status, from, scheduled, failures).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> SendAsync(Connection c, long sent)
    {
        Volatile.Write(ref c.Http.InFlightSince, sent);
        var status = client is null ? await c.Http.SendAsync().ConfigureAwait(false) : await client.SendAsync().ConfigureAwait(false);
        Volatile.Write(ref c.Http.InFlightSince, 0);
        return status;
    }

    /// <summary>Records one outcome; returns the consecutive connect-failure count after backing off if needed.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> AfterReplyAsync(Connection c, int status, long from, long counted, int failures)
    {
        var pause = Record(c, status, from, counted, ref failures);
        if (pause == 0)
        {
            return failures;
        }

        if (UsesThreads(options))
        {
            // Stay on this connection's own thread: awaiting would move its blocking I/O onto the thread pool.
            Thread.Sleep(pause);
        }
        else
        {
            await Task.Delay(pause, CancellationToken.None).ConfigureAwait(false);
        }

        return failures;
    }

    /// <summary>Records one outcome, counting consecutive connect failures; returns the milliseconds to back off before the next try (0: none).</summary>
    private int Record(Connection c, int status, long from, long counted, ref int failures)
    {
        var done = Stopwatch.GetTimestamp();
        // Only what completed inside the measured window counts; the window's length is the divisor.
        var measured = counted >= measureStart && done <= Volatile.Read(ref windowEnd);
        if (status > 0)
        {
            Volatile.Write(ref c.LastReply, done);
            if (Volatile.Read(ref consecutiveConnectFailures) != 0)
            {
                Interlocked.Exchange(ref consecutiveConnectFailures, 0);
            }

            if (measured)
            {
                var micros = Math.Clamp((long)((done - from) * MicrosPerTick), 1, HighestMicros);
                recorder.RecordValue(micros);
                c.Samples?.Add(micros / 1000.0);
                c.Replies++;
                if (status >= 400)
                {
                    Interlocked.Increment(ref statusCounts[Math.Min(status, statusCounts.Length - 1)]);
                }
                else
                {
                    c.Successes++;
                }
            }

            failures = 0;
            return 0;
        }

        if (measured)
        {
            switch (status)
            {
                case Outcome.Connect:
                    Interlocked.Increment(ref connectErrors);
                    break;
                case Outcome.Write:
                    Interlocked.Increment(ref writeErrors);
                    break;
                case Outcome.Timeout:
                    Interlocked.Increment(ref timeoutErrors);
                    if (options.Rate is not null)
                    {
                        // Open loop, as wrk2 and k6 do: a request that timed out took at least its timeout; leaving it
                        // out would make a server that stops answering look faster.
                        var micros = Math.Clamp(Math.Max((long)((done - from) * MicrosPerTick), (long)(options.Timeout.TotalMilliseconds * 1000)), 1, HighestMicros);
                        recorder.RecordValue(micros);
                        c.Samples?.Add(micros / 1000.0);
                    }

                    break;
                default:
                    Interlocked.Increment(ref readErrors);
                    break;
            }
        }

        if (status != Outcome.Connect)
        {
            return 0;
        }

        Interlocked.Increment(ref consecutiveConnectFailures);
        failures++;
        // Back off so a dead server does not turn the generator into a busy loop.
        return Math.Min(250, 10 << Math.Min(failures, 5));
    }

    /// <summary>Per-connection state, kept apart so connections never write to a shared cache line per request.</summary>
    private sealed class Connection(HttpConnection http, int index, bool keepSamples)
    {
        public readonly HttpConnection Http = http;
        public readonly int Index = index;
        public readonly List<double>? Samples = keepSamples ? [] : null;
        public long LastReply;
        public long Replies;
        public long Successes;
        public long SentOnSchedule;
        public long Late;
        public int Failures; // consecutive failed connects (the epoll engine's; the async loops keep theirs in a local)
    }
}
