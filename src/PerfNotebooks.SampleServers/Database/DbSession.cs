using System.Data.Common;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.Database;

/// <summary>
/// One connection taken from the pool. Every command is one counted round trip, delayed by the injected latency
/// (as a network hop to the database would). It holds a pool slot until disposed: forget to dispose it and the
/// slot is gone for good, which is the connection-leak scenario's bug.
/// </summary>
internal sealed class DbSession : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly SampleDatabase _owner;
    private int _disposed;

    internal DbSession(DbConnection connection, SampleDatabase owner)
    {
        _connection = connection;
        _owner = owner;
    }

    public async Task<List<T>> Query<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct, params object[] args)
    {
        await using var command = await Prepare(sql, args, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public async Task<long> Scalar(string sql, CancellationToken ct, params object[] args)
    {
        await using var command = await Prepare(sql, args, ct);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _connection.DisposeAsync();
            _owner.Release();
        }
    }

    private async Task<DbCommand> Prepare(string sql, object[] args, CancellationToken ct)
    {
        QueryCount.Record();
        ServerMetrics.DbQueries.Inc();
        if (_owner.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_owner.Latency, ct);
        }

        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = args[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
