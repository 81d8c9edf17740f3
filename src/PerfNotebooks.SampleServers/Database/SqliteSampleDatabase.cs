using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PerfNotebooks.SampleServers.Database;

/// <summary>A SQLite file in a private temp folder, deleted when the server stops.</summary>
internal sealed class SqliteSampleDatabase : SampleDatabase
{
    private readonly string _folder;
    private readonly string _connectionString;

    public SqliteSampleDatabase(TimeSpan latency, int poolSize, TimeSpan poolTimeout)
        : base(latency, poolSize, poolTimeout)
    {
        _folder = Directory.CreateTempSubdirectory("perfnb-server-").FullName;
        FilePath = Path.Combine(_folder, "sample.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string Provider => "sqlite";

    public string FilePath { get; }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leaked connection may still hold the file; the OS temp cleaner takes it then.
        }

        return ValueTask.CompletedTask;
    }

    protected override async Task<DbConnection> OpenConnection(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    protected override async Task Seed(IReadOnlyList<User> users, IReadOnlyList<Order> orders, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", ct);
        await Execute(connection, Sql.Schema, ct);
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            await Insert(connection, transaction, "users (id, name, email, country, created_at)", 5, users, (w, u) =>
            {
                w.WriteNumberValue(u.Id);
                w.WriteStringValue(u.Name);
                w.WriteStringValue(u.Email);
                w.WriteStringValue(u.Country);
                w.WriteStringValue(u.CreatedAt);
            }, ct);
            await Insert(connection, transaction, "orders (id, user_id, amount_cents, status, created_at)", 5, orders, (w, o) =>
            {
                w.WriteNumberValue(o.Id);
                w.WriteNumberValue(o.UserId);
                w.WriteNumberValue(o.AmountCents);
                w.WriteStringValue(o.Status);
                w.WriteStringValue(o.CreatedAt);
            }, ct);
            await transaction.CommitAsync(ct);
        }

        await Execute(connection, Sql.Indexes, ct);
    }

    /// <summary>
    /// All rows in one statement: the rows travel as one JSON parameter and SQLite unpacks them with json_each.
    /// Row-at-a-time INSERTs spend their time on per-statement overhead in the driver, not in SQLite.
    /// </summary>
    private static async Task Insert<T>(SqliteConnection connection, SqliteTransaction transaction, string target, int columns,
        IReadOnlyList<T> rows, Action<Utf8JsonWriter, T> writeRow, CancellationToken ct)
    {
        // Written by hand with Utf8JsonWriter: reflection-based serialisation of boxed rows cost more than SQLite did.
        var json = new ArrayBufferWriter<byte>(rows.Count * 96);
        await using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                writeRow(writer, row);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var select = string.Join(", ", Enumerable.Range(0, columns).Select(c => $"json_extract(value, '$[{c}]')"));
        command.CommandText = $"INSERT INTO {target} SELECT {select} FROM json_each($rows)";
        command.Parameters.AddWithValue("$rows", Encoding.UTF8.GetString(json.WrittenSpan));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
