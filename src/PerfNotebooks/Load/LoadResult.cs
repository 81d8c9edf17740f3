using System.Globalization;
using System.Text;
using System.Text.Json;
using HdrHistogram;
using Microsoft.Data.Analysis;
using PerfNotebooks.Display;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Load;

/// <summary>What a load run measured (warm-up excluded). <see cref="ToJson"/> gives the documented JSON shape.</summary>
public sealed class LoadResult : IHtmlRenderable
{
    private LatencySummary? latency;
    private IReadOnlyList<PercentilePoint>? spectrum;

    internal LoadResult(HistogramBase histogram)
    {
        Histogram = histogram;
    }

    public required string Url { get; init; }

    /// <summary>"closed" (each connection waits for its reply) or "open" (fixed arrival rate).</summary>
    public required string Mode { get; init; }

    public required int Connections { get; init; }

    public double? TargetRate { get; init; }

    /// <summary>Measured time, warm-up excluded; shorter than asked when the run stopped early.</summary>
    public required TimeSpan Duration { get; init; }

    public required TimeSpan Warmup { get; init; }

    /// <summary>Replies received (any status) that completed inside the measured time.</summary>
    public required long Requests { get; init; }

    /// <summary>Replies with a status below 400. Zero means the run measured nothing (<see cref="Latency"/> is null).</summary>
    public long Successes { get; init; }

    /// <summary>How long a request may wait for its reply before it counts as a timeout error.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public required LoadErrors Errors { get; init; }

    /// <summary>Open loop: requests sent later than their schedule allowed (their wait is still in the latency).</summary>
    public long Late { get; init; }

    /// <summary>Open loop: scheduled requests never sent because every connection was still waiting when the run ended.</summary>
    public long Dropped { get; init; }

    public required IReadOnlyList<SecondSample> PerSecond { get; init; }

    public required RunEnvironment Environment { get; init; }

    /// <summary>Why the run ended before its duration (for example the server died), or null.</summary>
    public string? StoppedEarly { get; init; }

    /// <summary>Every request's latency in ms, only when <see cref="LoadOptions.KeepSamples"/> was set.</summary>
    public IReadOnlyList<double>? SamplesMs { get; init; }

    public double RequestsPerSecond => Duration.TotalSeconds > 0 ? Requests / Duration.TotalSeconds : 0;

    /// <summary>
    /// Headline percentiles, or null when no reply arrived (a run of errors only has no latency to report, and
    /// zeros would read as "instant"). Closed loop: replies only, timeouts beside them in <see cref="Errors"/>.
    /// Open loop: timed-out requests are in the distribution at no less than <see cref="Timeout"/>.
    /// </summary>
    public LatencySummary? Latency => Requests == 0 || Histogram.TotalCount == 0 ? null : latency ??= LatencySummary.From(Histogram);

    public IReadOnlyList<PercentilePoint> Spectrum => Latency is null
        ? []
        : spectrum ??= [.. Histogram.Percentiles(5).Select(p => new PercentilePoint(p.Percentile, LatencySummary.Ms(p.ValueIteratedTo), p.TotalCountToThisValue))];

    /// <summary>What the errors were, when the run had no successful request: "no successful requests (timeout 12)".</summary>
    internal string NoSuccessReason => $"no successful requests in {Duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s against {Url} (errors: {Errors})";

    internal HistogramBase Histogram { get; }

    /// <summary>Latency in ms at any percentile (0-100) of the recorded histogram; null when no reply arrived.</summary>
    public double? LatencyAt(double percentile) =>
        Latency is null ? null : LatencySummary.Ms(Histogram.GetValueAtPercentile(percentile));

    /// <summary>How many requests took at least <paramref name="ms"/> milliseconds.</summary>
    public long CountSlowerThan(double ms)
    {
        var micros = (long)(ms * 1000);
        return Histogram.TotalCount == 0 || micros > Histogram.HighestTrackableValue
            ? 0
            : Histogram.TotalCount - Histogram.RecordedValues().Where(v => v.ValueIteratedTo < micros).Sum(v => v.CountAddedInThisIterationStep);
    }

    /// <summary>The per-second series as a DataFrame (second, requests, errors, p50_ms, p99_ms, max_ms) for plotting.</summary>
    public DataFrame PerSecondFrame() => new(
        new PrimitiveDataFrameColumn<int>("second", PerSecond.Select(s => s.Second)),
        new PrimitiveDataFrameColumn<long>("requests", PerSecond.Select(s => s.Requests)),
        new PrimitiveDataFrameColumn<long>("errors", PerSecond.Select(s => s.Errors)),
        new PrimitiveDataFrameColumn<double>("p50_ms", PerSecond.Select(s => s.P50Ms)),
        new PrimitiveDataFrameColumn<double>("p99_ms", PerSecond.Select(s => s.P99Ms)),
        new PrimitiveDataFrameColumn<double>("max_ms", PerSecond.Select(s => s.MaxMs)));

    /// <summary>The full percentile spectrum as a DataFrame (percentile, latency_ms, count), e.g. for an HDR plot.</summary>
    public DataFrame SpectrumFrame() => new(
        new PrimitiveDataFrameColumn<double>("percentile", Spectrum.Select(p => p.Percentile)),
        new PrimitiveDataFrameColumn<double>("latency_ms", Spectrum.Select(p => p.LatencyMs)),
        new PrimitiveDataFrameColumn<long>("count", Spectrum.Select(p => p.Count)));

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("url", Url);
            w.WriteString("mode", Mode);
            w.WriteNumber("connections", Connections);
            if (TargetRate is { } rate)
            {
                w.WriteNumber("target_rate", rate);
            }
            else
            {
                w.WriteNull("target_rate");
            }

            w.WriteNumber("requests", Requests);
            w.WriteStartObject("errors");
            w.WriteNumber("connect", Errors.Connect);
            w.WriteNumber("write", Errors.Write);
            w.WriteNumber("read", Errors.Read);
            w.WriteNumber("timeout", Errors.Timeout);
            w.WriteStartObject("status");
            foreach (var (code, count) in Errors.Status.OrderBy(s => s.Key))
            {
                w.WriteNumber(code.ToString(CultureInfo.InvariantCulture), count);
            }

            w.WriteEndObject();
            w.WriteNumber("total", Errors.Total);
            w.WriteEndObject();
            w.WriteNumber("duration_s", Math.Round(Duration.TotalSeconds, 3));
            w.WriteNumber("warmup_s", Math.Round(Warmup.TotalSeconds, 3));
            w.WriteNumber("rps", Math.Round(RequestsPerSecond, 1));
            w.WriteNumber("late", Late);
            w.WriteNumber("dropped", Dropped);
            w.WriteNumber("successes", Successes);
            w.WriteNumber("timeout_s", Math.Round(Timeout.TotalSeconds, 3));
            if (Latency is { } l)
            {
                w.WriteStartObject("latency_ms");
                w.WriteNumber("p50", l.P50);
                w.WriteNumber("p90", l.P90);
                w.WriteNumber("p99", l.P99);
                w.WriteNumber("p999", l.P999);
                w.WriteNumber("max", l.Max);
                w.WriteNumber("mean", Math.Round(l.Mean, 3));
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("latency_ms");
            }

            w.WriteStartArray("percentiles");
            foreach (var p in Spectrum)
            {
                w.WriteStartObject();
                w.WriteNumber("percentile", Math.Round(p.Percentile, 5));
                w.WriteNumber("latency_ms", p.LatencyMs);
                w.WriteNumber("count", p.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("time_series");
            foreach (var s in PerSecond)
            {
                w.WriteStartObject();
                w.WriteNumber("second", s.Second);
                w.WriteNumber("requests", s.Requests);
                w.WriteNumber("errors", s.Errors);
                WriteOptional(w, "p50_ms", s.P50Ms);
                WriteOptional(w, "p99_ms", s.P99Ms);
                WriteOptional(w, "max_ms", s.MaxMs);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (StoppedEarly is null)
            {
                w.WriteNull("stopped_early");
            }
            else
            {
                w.WriteString("stopped_early", StoppedEarly);
            }

            w.WriteStartObject("environment");
            w.WriteNumber("cores", Environment.Cores);
            w.WriteString("os", Environment.Os);
            w.WriteString("dotnet", Environment.Dotnet);
            w.WriteString("tool", Environment.Tool);
            w.WriteString("machine", Environment.Machine);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>The run at a glance: setup, throughput, latency percentiles, errors, and any early stop.</summary>
    public string ToHtml()
    {
        var html = new ResultHtml("Load run", FormattableString.Invariant(
            $"{Mode} loop · {Connections} connections{(TargetRate is { } r ? $" · target {Number(r, "#,##0")} req/s" : "")} · {Number(Duration.TotalSeconds, "0.##")} s"));
        html.Line(Cell.Code(Url));
        if (StoppedEarly is not null)
        {
            html.Warning("stopped early: " + StoppedEarly);
        }

        if (Latency is { } l)
        {
            html.Table(
                [Cell.FigureHeader("requests"), Cell.FigureHeader("req/s"), Cell.FigureHeader("p50 ms"), Cell.FigureHeader("p90 ms"),
                 Cell.FigureHeader("p99 ms"), Cell.FigureHeader("p99.9 ms"), Cell.FigureHeader("max ms"), Cell.FigureHeader("mean ms")],
                [[Cell.Figure(Requests), Cell.Figure(RequestsPerSecond, "#,##0.0"), Cell.Figure(l.P50), Cell.Figure(l.P90),
                  Cell.Figure(l.P99), Cell.Figure(l.P999), Cell.Figure(l.Max), Cell.Figure(l.Mean)]]);
        }
        else
        {
            html.Table(
                [Cell.FigureHeader("requests"), Cell.FigureHeader("req/s"), Cell.FigureHeader("latency")],
                [[Cell.Figure(Requests), Cell.Figure(RequestsPerSecond, "#,##0.0"), new Cell("no successful requests", Tone.Bad)]]);
        }

        html.Line("errors: ", new Cell(Errors.ToString(), Errors.Total == 0 ? Tone.Good : Tone.Bad));
        if (TimeoutNote is { } note)
        {
            html.Line(note);
        }
        if (Mode == "open")
        {
            html.Line("late ", Cell.Figure(Late, tone: Late > 0 ? Tone.Bad : Tone.Plain), " · dropped ", Cell.Figure(Dropped, tone: Dropped > 0 ? Tone.Bad : Tone.Plain));
        }

        return html.ToString();
    }

    /// <summary>How timeouts relate to the percentiles, when there were any.</summary>
    private string? TimeoutNote => Errors.Timeout == 0
        ? null
        : Mode == "open"
            ? string.Create(CultureInfo.InvariantCulture, $"timeouts {Errors.Timeout:N0}: in the percentiles at no less than the {Timeout.TotalSeconds:0.###} s timeout")
            : string.Create(CultureInfo.InvariantCulture, $"timeouts {Errors.Timeout:N0}: not in the percentiles (each waited over {Timeout.TotalSeconds:0.###} s for no reply)");

    /// <summary>A wrk-like text summary.</summary>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"{Mode} loop, {Connections} connections{(TargetRate is { } r ? $", target {r:N0} req/s" : "")}, {Duration.TotalSeconds:0.##} s against {Url}\n");
        sb.Append(ci, $"  requests   {Requests,12:N0}   {RequestsPerSecond,12:N1} req/s\n");
        if (Latency is { } l)
        {
            sb.Append(ci, $"  latency ms   p50 {l.P50:0.###}   p90 {l.P90:0.###}   p99 {l.P99:0.###}   p99.9 {l.P999:0.###}   max {l.Max:0.###}   mean {l.Mean:0.###}\n");
        }
        else
        {
            sb.Append("  latency      no successful requests\n");
        }

        if (TimeoutNote is { } note)
        {
            sb.Append("  ").Append(note).Append('\n');
        }

        if (Mode == "open")
        {
            sb.Append(ci, $"  late {Late:N0}   dropped {Dropped:N0}\n");
        }

        sb.Append(ci, $"  errors     {Errors}\n");
        if (StoppedEarly is not null)
        {
            sb.Append(ci, $"  stopped early: {StoppedEarly}\n");
        }

        return sb.ToString();
    }
}
