using System.Diagnostics.Tracing;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.Database;

/// <summary>
/// Publishes the server's database work as the EventCounters Npgsql uses ("commands-per-second",
/// "busy-connections"), so a profiler or dotnet-counters sees them on SQLite too (Microsoft.Data.Sqlite publishes
/// no counters).
/// </summary>
[EventSource(Name = "PerfNotebooks.Data")]
internal sealed class DataEventSource : EventSource
{
    public static readonly DataEventSource Log = new();

    private IncrementingPollingCounter? _commandsPerSecond;
    private PollingCounter? _busyConnections;

    private DataEventSource()
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
            _busyConnections ??= new PollingCounter("busy-connections", this, () => ServerMetrics.DbConnectionsOpen.Value)
            {
                DisplayName = "Busy connections",
            };
        }
    }

    protected override void Dispose(bool disposing)
    {
        _commandsPerSecond?.Dispose();
        _busyConnections?.Dispose();
        base.Dispose(disposing);
    }
}
