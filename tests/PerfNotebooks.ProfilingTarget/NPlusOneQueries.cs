using Microsoft.Data.Sqlite;

namespace PerfNotebooks.ProfilingTarget;

/// <summary>
/// Order totals from an in-memory SQLite database: one query per order line (N+1), or, fixed, one grouped query.
/// </summary>
internal sealed class NPlusOneQueries(bool fixedVersion) : Workloads
{
    public override void Run(TimeSpan duration)
    {
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        Seed(db);
        Until(duration, () =>
        {
            var total = fixedVersion ? TotalsInOneQuery(db) : TotalsOneQueryPerOrder(db);
            if (total > 0)
            {
                Interlocked.Increment(ref Operations);
            }
        });
    }

    private static void Seed(SqliteConnection db)
    {
        using var create = db.CreateCommand();
        create.CommandText = """
            CREATE TABLE orders(id INTEGER PRIMARY KEY);
            CREATE TABLE lines(order_id INTEGER, price REAL);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO orders SELECT i FROM n;
            INSERT INTO lines SELECT id, id * 1.5 FROM orders;
            INSERT INTO lines SELECT id, id * 0.5 FROM orders;
            CREATE INDEX lines_order ON lines(order_id);
            """;
        create.ExecuteNonQuery();
    }

    private static double TotalsOneQueryPerOrder(SqliteConnection db)
    {
        var total = 0.0;
        for (var id = 1; id <= 200; id++)
        {
            using var query = db.CreateCommand();
            query.CommandText = "SELECT SUM(price) FROM lines WHERE order_id = $id";
            query.Parameters.AddWithValue("$id", id);
            total += Convert.ToDouble(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }

    private static double TotalsInOneQuery(SqliteConnection db)
    {
        using var query = db.CreateCommand();
        query.CommandText = "SELECT SUM(price) FROM lines GROUP BY order_id";
        var total = 0.0;
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            total += reader.GetDouble(0);
        }

        Thread.Sleep(5);
        return total;
    }
}
