using System.Diagnostics.Tracing;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.Database;

/// <summary>
/// Publishes the server's database round trips as the EventCounter Npgsql uses ("commands-per-second"), so a
/// profiler or dotnet-counters sees them on SQLite too (Microsoft.Data.Sqlite publishes no counters).
/// </summary>
[EventSource(Name = "PerfNotebooks.Data")]
internal sealed class DataCommandsEventSource : EventSource
{
    public static readonly DataCommandsEventSource Log = new();

    private IncrementingPollingCounter? _commandsPerSecond;

    private DataCommandsEventSource()
    {
    }

    protected override void OnEventCommand(EventCommandEventArgs command)
    {
        // Counters are created on first enable so an unobserved server pays nothing.
        if (command.Command == EventCommand.Enable)
        {
            _commandsPerSecond ??= new IncrementingPollingCounter("commands-per-second", this, () => ServerMetrics.DbQueries.Value)
            {
                DisplayName = "Database commands",
                DisplayRateTimeScale = TimeSpan.FromSeconds(1),
            };
        }
    }

    protected override void Dispose(bool disposing)
    {
        _commandsPerSecond?.Dispose();
        base.Dispose(disposing);
    }
}
