using System.Text;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// The cell that is running on this async flow. Console output and displays find their cell through it,
/// so background work started by a cell still reports to that cell.
/// </summary>
internal sealed class CellContext : IDisposable
{
    private static readonly AsyncLocal<CellContext?> CurrentFlow = new();
    private static int _displayCounter;

    private readonly Lock _gate = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Timer _flushTimer;
    private bool _timerArmed;

    public CellContext(ICellOutput output, CancellationToken cancellation)
    {
        Output = output;
        Cancellation = cancellation;
        _flushTimer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public static CellContext? Current
    {
        get => CurrentFlow.Value;
        set => CurrentFlow.Value = value;
    }

    private readonly List<(object Resource, bool Async)> _disposeAtEnd = [];

    private int _interrupted;

    public ICellOutput Output { get; }

    /// <summary>An interrupt was requested for this cell; see <see cref="Interruption"/>.</summary>
    public bool InterruptRequested => Volatile.Read(ref _interrupted) != 0;

    internal bool TryMarkInterrupted() => Interlocked.Exchange(ref _interrupted, 1) == 0;

    internal bool TryClearInterrupted() => Interlocked.Exchange(ref _interrupted, 0) == 1;

    public CancellationToken Cancellation { get; }

    /// <summary>The thread that runs the synchronous part of the cell; an interrupt wakes it from Sleep and Wait.</summary>
    public Thread? Thread { get; set; }

    /// <summary>Completes when the cell's code has ended, normally or not; null before it starts.</summary>
    public Task? CodeStopped { get; set; }

    /// <summary>Buffers console text and sends it in batches (every 50 ms at most), not a message per Write.</summary>
    public void Write(bool error, string text)
    {
        lock (_gate)
        {
            (error ? _stderr : _stdout).Append(text);
            if (!_timerArmed)
            {
                _timerArmed = true;
                _flushTimer.Change(50, Timeout.Infinite);
            }
        }
    }

    public void Flush()
    {
        string? outText = null, errText = null;
        lock (_gate)
        {
            _timerArmed = false;
            if (_stdout.Length > 0)
            {
                outText = _stdout.ToString();
                _stdout.Clear();
            }

            if (_stderr.Length > 0)
            {
                errText = _stderr.ToString();
                _stderr.Clear();
            }
        }

        if (outText is not null)
        {
            Output.Stream("stdout", outText);
        }

        if (errText is not null)
        {
            Output.Stream("stderr", errText);
        }
    }

    public DisplayHandle Display(object? value)
    {
        Flush();
        if (value is PerfNotebooks.Display.ILiveOutput live)
        {
            return ShowLive(live);
        }

        var id = $"perfnb-{Environment.ProcessId}-{Interlocked.Increment(ref _displayCounter)}";
        Output.Display(MimeBundle.From(value), id, update: false);
        return new DisplayHandle(this, id);
    }

    /// <summary>A live output updates itself in place, at most every 100 ms, and always once more when it finishes.</summary>
    private DisplayHandle ShowLive(PerfNotebooks.Display.ILiveOutput progress)
    {
        Output.Display(MimeBundle.From(progress), progress.DisplayId, update: false);
        long lastTicks = 0;
        progress.Changed += (_, _) =>
        {
            var now = Environment.TickCount64;
            if (progress.IsFinished || now - Interlocked.Read(ref lastTicks) >= 100)
            {
                Interlocked.Exchange(ref lastTicks, now);
                Output.Display(MimeBundle.From(progress), progress.DisplayId, update: true);
            }
        };
        return new DisplayHandle(this, progress.DisplayId);
    }

    public void Update(string displayId, object? value)
    {
        Flush();
        Output.Display(MimeBundle.From(value), displayId, update: true);
    }

    /// <summary>Holds a top-level <c>using</c> resource until <see cref="EndScopeAsync"/>.</summary>
    public void DisposeAtEnd(object resource, bool async)
    {
        lock (_gate)
        {
            _disposeAtEnd.Add((resource, async));
        }
    }

    /// <summary>Disposes the cell's top-level <c>using</c> resources, last first; returns the first failure.</summary>
    public async Task<Exception?> EndScopeAsync()
    {
        (object Resource, bool Async)[] resources;
        lock (_gate)
        {
            resources = [.. _disposeAtEnd];
            _disposeAtEnd.Clear();
        }

        Exception? first = null;
        for (var i = resources.Length - 1; i >= 0; i--)
        {
            try
            {
                // "await using" calls DisposeAsync and "using" Dispose, even on a type that has both.
                if (resources[i].Async)
                {
                    await ((IAsyncDisposable)resources[i].Resource).DisposeAsync();
                }
                else
                {
                    ((IDisposable)resources[i].Resource).Dispose();
                }
            }
            catch (Exception e) when (first is null)
            {
                // Like a using block: every resource is disposed; the first failure is the one reported.
                first = e;
            }
        }

        return first;
    }

    public void Dispose()
    {
        Flush();
        _flushTimer.Dispose();
    }
}
