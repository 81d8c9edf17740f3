using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace PerfNotebooks.SampleServers.Database;

/// <summary>
/// A private schema in a real PostgreSQL database (so parallel servers never see each other's rows), bulk-loaded
/// with COPY and dropped when the server stops.
/// </summary>
internal sealed class PostgresSampleDatabase : SampleDatabase
{
    private readonly NpgsqlDataSource _admin;
    private readonly NpgsqlDataSource _data;

    public PostgresSampleDatabase(NpgsqlConnectionStringBuilder target, TimeSpan latency, int poolSize, TimeSpan poolTimeout)
        : base(latency, poolSize, poolTimeout)
    {
        SchemaName = string.Create(CultureInfo.InvariantCulture, $"perfnb_{Environment.ProcessId}_{Guid.NewGuid():N}")[..40];
        _admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString);
        var data = new NpgsqlConnectionStringBuilder(target.ConnectionString)
        {
            SearchPath = SchemaName,
            // Our own pool gate is the limit that a leak exhausts; Npgsql's pool just has to be no smaller.
            MaxPoolSize = poolSize + 4,
        };
        _data = NpgsqlDataSource.Create(data.ConnectionString);
        Endpoint = $"{target.Host}:{target.Port}/{target.Database}";
    }

    public override string Provider => "postgres";

    public string SchemaName { get; }

    public string Endpoint { get; }

    // Error lines end up in terminals, logs and notebooks: never echo the password the user typed.
    internal static string WithoutPassword(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(text, "(://[^:/@]*:)[^@]*@", "$1***@"),
            "((?:password|pwd)\\s*=)[^;]*", "$1***", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>Reads postgres://user:password@host:port/database?sslmode=... (or a keyword connection string).</summary>
    public static NpgsqlConnectionStringBuilder ParseUrl(string text)
    {
        if (text.Contains('=', StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"--db '{WithoutPassword(text)}' is not a valid PostgreSQL connection string ({e.Message})", e);
            }
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "postgres" && uri.Scheme != "postgresql")
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"--db '{WithoutPassword(text)}' is neither 'sqlite' nor a postgres://user:password@host:port/database URL");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            if (kv[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase))
            {
                builder.SslMode = Enum.TryParse<SslMode>(value, ignoreCase: true, out var mode) ? mode
                    : throw new ArgumentException($"--db sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full");
            }
        }

        return builder;
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await _data.DisposeAsync();
            await using var command = _admin.CreateCommand($"DROP SCHEMA IF EXISTS {SchemaName} CASCADE");
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The cluster went away first; its data goes with it.
        }
        finally
        {
            await _admin.DisposeAsync();
        }
    }

    protected override async Task<DbConnection> OpenConnection(CancellationToken ct) => await _data.OpenConnectionAsync(ct);

    protected override async Task Seed(IReadOnlyList<User> users, IReadOnlyList<Order> orders, CancellationToken ct)
    {
        try
        {
            await using (var create = _admin.CreateCommand($"CREATE SCHEMA {SchemaName}"))
            {
                await create.ExecuteNonQueryAsync(ct);
            }
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException($"cannot use PostgreSQL at {Endpoint}: {e.Message}", e);
        }

        await using var connection = await _data.OpenConnectionAsync(ct);
        await using (var schema = new NpgsqlCommand(Sql.Schema, connection))
        {
            await schema.ExecuteNonQueryAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY users (id, name, email, country, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var user in users)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(user.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(user.Name, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(user.Email, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(user.Country, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(user.CreatedAt, NpgsqlDbType.Text, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY orders (id, user_id, amount_cents, status, created_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var order in orders)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(order.Id, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(order.UserId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(order.AmountCents, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(order.Status, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(order.CreatedAt, NpgsqlDbType.Text, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var index = new NpgsqlCommand(Sql.Indexes + " ANALYZE users; ANALYZE orders;", connection))
        {
            await index.ExecuteNonQueryAsync(ct);
        }
    }
}
