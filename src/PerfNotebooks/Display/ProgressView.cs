using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace PerfNotebooks.Display;

/// <summary>
/// The live state of a long operation (a load run, a profile, a notebook run). The operation calls
/// <see cref="Update"/>; a kernel re-renders it in place through its display handle on <see cref="Changed"/>
/// (using <see cref="DisplayId"/>), and the CLI rewrites <see cref="ToTextLine"/> on one terminal line.
/// </summary>
public sealed class ProgressView : IMimeOutput, ILiveOutput
{
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private double done;
    private string status = "";
    private bool finished;
    private bool failed;

    /// <param name="label">What is running, e.g. "Load run /orders".</param>
    /// <param name="total">Units of work expected (requests, seconds, cells); null when unknown.</param>
    /// <param name="unit">What a unit is called, e.g. "requests".</param>
    public ProgressView(string label, double? total = null, string unit = "")
    {
        if (total is <= 0 or double.NaN)
        {
            throw new BadInputException($"Progress total for '{label}' is {total}; pass a positive total or null when unknown.");
        }

        Label = label;
        Total = total;
        Unit = unit;
    }

    /// <summary>
    /// A progress view shown in the running notebook cell, or null outside a notebook (or between cells), where
    /// long operations stay quiet unless the caller passed a progress handler of its own.
    /// </summary>
    internal static ProgressView? ShowInNotebook(string label, double? total, string unit)
    {
        if (NotebookHost.Current is null)
        {
            return null;
        }

        var view = new ProgressView(label, total, unit);
        return NotebookHost.Display(view) is null ? null : view;
    }

    /// <summary>Raised after every change; handlers run on the updating thread and should be quick.</summary>
    public event EventHandler? Changed;

    /// <summary>A stable id for Jupyter's <c>display_id</c>, so updates replace the same output.</summary>
    public string DisplayId { get; } = "perfnb-progress-" + Guid.NewGuid().ToString("N");

    public string Label { get; }

    public double? Total { get; }

    public string Unit { get; }

    public double Done
    {
        get
        {
            lock (gate)
            {
                return done;
            }
        }
    }

    public bool IsFinished
    {
        get
        {
            lock (gate)
            {
                return finished;
            }
        }
    }

    /// <summary>Fraction complete in [0, 1], or null when the total is unknown.</summary>
    public double? Fraction
    {
        get
        {
            lock (gate)
            {
                return Total is { } total ? Math.Clamp(done / total, 0, 1) : finished ? 1 : null;
            }
        }
    }

    /// <summary>Sets how much is done (absolute, not a delta) and an optional status text.</summary>
    public void Update(double doneSoFar, string? statusText = null)
    {
        lock (gate)
        {
            done = doneSoFar;
            status = statusText ?? status;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Marks the operation finished (or failed) with a closing status.</summary>
    public void Complete(string? statusText = null, bool success = true)
    {
        lock (gate)
        {
            finished = true;
            failed = !success;
            if (success && Total is { } total)
            {
                done = Math.Max(done, total);
            }

            status = statusText ?? status;
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>One terminal line, e.g. <c>Load run [#########-----------]  45% 450/1,000 requests 3.1s  p99 12ms</c>.</summary>
    public string ToTextLine() => Label + " " + Details();

    /// <summary>Everything after the label: bar, counts, elapsed time, status.</summary>
    private string Details()
    {
        lock (gate)
        {
            var elapsed = clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
            var unit = Unit.Length > 0 ? " " + Unit : "";
            var mark = finished ? (failed ? " failed" : " done") : "";
            string body;
            if (Total is { } total)
            {
                var fraction = Math.Clamp(done / total, 0, 1);
                var filled = (int)Math.Round(fraction * 20);
                body = string.Create(CultureInfo.InvariantCulture,
                    $"[{new string('#', filled)}{new string('-', 20 - filled)}] {fraction * 100,3:0}% {done:#,0.##}/{total:#,0.##}{unit}");
            }
            else
            {
                body = string.Create(CultureInfo.InvariantCulture, $"{done:#,0.##}{unit}");
            }

            return $"{body} {elapsed}{mark}" + (status.Length > 0 ? "  " + status : "");
        }
    }

    public string ToHtml()
    {
        var details = Details();
        lock (gate)
        {
            var fraction = Total is { } total ? Math.Clamp(done / total, 0, 1) : (double?)null;
            var bar = fraction is { } f
                ? string.Create(CultureInfo.InvariantCulture, $"<progress max=\"1\" value=\"{f:0.####}\" style=\"width:20em\"></progress> {f * 100:0}%")
                : finished ? "" : "<progress style=\"width:20em\"></progress>";
            var color = failed ? "#b00020" : finished ? "#1b5e20" : "#333";
            return "<div class=\"perfnb-progress\" style=\"font:13px system-ui,sans-serif;color:" + color + "\"><strong>" +
                   WebUtility.HtmlEncode(Label) + "</strong> " + bar + " <span>" + WebUtility.HtmlEncode(details) +
                   "</span></div>";
        }
    }

    public IReadOnlyDictionary<string, string> ToMime(OutputSession session) => new Dictionary<string, string>
    {
        [MimeTypes.Html] = ToHtml(),
        [MimeTypes.PlainText] = ToTextLine(),
    };

    public override string ToString() => ToTextLine();

    /// <summary>
    /// Keeps one terminal line up to date (carriage return, at most every <paramref name="minInterval"/>,
    /// 100 ms by default) and ends it with a newline when the operation completes. Dispose to stop early.
    /// </summary>
    public IDisposable WriteTo(TextWriter terminal, TimeSpan? minInterval = null)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        return new TerminalLine(this, terminal, minInterval ?? TimeSpan.FromMilliseconds(100));
    }

    private sealed class TerminalLine : IDisposable
    {
        private readonly Lock gate = new();
        private readonly ProgressView view;
        private readonly TextWriter terminal;
        private readonly TimeSpan minInterval;
        private readonly Stopwatch sinceWrite = new();
        private int lastLength;
        private bool closed;

        public TerminalLine(ProgressView view, TextWriter terminal, TimeSpan minInterval)
        {
            this.view = view;
            this.terminal = terminal;
            this.minInterval = minInterval;
            view.Changed += OnChanged;
            Write(final: view.IsFinished);
        }

        public void Dispose()
        {
            view.Changed -= OnChanged;
            lock (gate)
            {
                closed = true;
            }
        }

        private void OnChanged(object? sender, EventArgs e) => Write(final: view.IsFinished);

        private void Write(bool final)
        {
            lock (gate)
            {
                if (closed || (!final && sinceWrite.IsRunning && sinceWrite.Elapsed < minInterval))
                {
                    return;
                }

                var line = view.ToTextLine();
                // Pad over the previous, longer line so no stale characters remain after the carriage return.
                terminal.Write("\r" + line.PadRight(lastLength));
                lastLength = line.Length;
                sinceWrite.Restart();
                if (final)
                {
                    terminal.WriteLine();
                    terminal.Flush();
                    closed = true;
                    view.Changed -= OnChanged;
                }
                else
                {
                    terminal.Flush();
                }
            }
        }
    }
}
