using System.Data.Common;
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
            // One prepared statement per table, re-bound per row: SQLite's fastest plain-SQL bulk load.
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO users (id, name, email, country, created_at) VALUES ($id, $name, $email, $country, $created)";
                var id = insert.Parameters.Add("$id", SqliteType.Integer);
                var name = insert.Parameters.Add("$name", SqliteType.Text);
                var email = insert.Parameters.Add("$email", SqliteType.Text);
                var country = insert.Parameters.Add("$country", SqliteType.Text);
                var created = insert.Parameters.Add("$created", SqliteType.Text);
                insert.Prepare();
                foreach (var user in users)
                {
                    (id.Value, name.Value, email.Value, country.Value, created.Value) = (user.Id, user.Name, user.Email, user.Country, user.CreatedAt);
                    insert.ExecuteNonQuery();
                }
            }

            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO orders (id, user_id, amount_cents, status, created_at) VALUES ($id, $user, $amount, $status, $created)";
                var id = insert.Parameters.Add("$id", SqliteType.Integer);
                var user = insert.Parameters.Add("$user", SqliteType.Integer);
                var amount = insert.Parameters.Add("$amount", SqliteType.Integer);
                var status = insert.Parameters.Add("$status", SqliteType.Text);
                var created = insert.Parameters.Add("$created", SqliteType.Text);
                insert.Prepare();
                foreach (var order in orders)
                {
                    (id.Value, user.Value, amount.Value, status.Value, created.Value) = (order.Id, order.UserId, order.AmountCents, order.Status, order.CreatedAt);
                    insert.ExecuteNonQuery();
                }
            }

            await transaction.CommitAsync(ct);
        }

        await Execute(connection, Sql.Indexes, ct);
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
