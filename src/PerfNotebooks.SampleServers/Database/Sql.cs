using System.Globalization;

namespace PerfNotebooks.SampleServers.Database;

/// <summary>SQL text that both SQLite and PostgreSQL accept.</summary>
internal static class Sql
{
    /// <summary>"@p0,@p1,..." for an IN list of <paramref name="count"/> parameters (values are always bound, never inlined).</summary>
    public static string Parameters(int count) =>
        string.Join(',', Enumerable.Range(0, count).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)));

    public const string Schema = """
        CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, country TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL, amount_cents BIGINT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL);
        """;

    // Created after the bulk load: cheaper than maintaining the index row by row.
    public const string Indexes = "CREATE INDEX orders_user_id ON orders (user_id);";
}
