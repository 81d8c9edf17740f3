using Microsoft.Data.Sqlite;

namespace PerfNotebooks.Kernel.History;

/// <summary>
/// Executed cells, kept in SQLite with IPython's layout (sessions, history, output_history), so history
/// survives restarts and a later session can read an earlier one's. Each kernel process is one session.
/// </summary>
public sealed class HistoryStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _db;

    private HistoryStore(SqliteConnection db, long session)
    {
        _db = db;
        Session = session;
    }

    /// <summary>This kernel's session number (1 for the first session ever recorded in the file).</summary>
    public long Session { get; }

    /// <summary>The history file of the user's Jupyter data dir ($JUPYTER_DATA_DIR, else the XDG data dir).</summary>
    public static string DefaultPath => Path.Combine(Install.KernelSpec.JupyterDataDir(), "perfnb", "history.sqlite");

    /// <summary>Opens (creating if needed) the file and starts a new session in it.</summary>
    public static HistoryStore Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 10 }.ToString());
        try
        {
            db.Open();
            Run(db, """
                PRAGMA journal_mode = WAL;
                PRAGMA busy_timeout = 10000;
                CREATE TABLE IF NOT EXISTS sessions (session INTEGER PRIMARY KEY AUTOINCREMENT, start TIMESTAMP, end TIMESTAMP, num_cmds INTEGER, remark TEXT);
                CREATE TABLE IF NOT EXISTS history (session INTEGER, line INTEGER, source TEXT, source_raw TEXT, PRIMARY KEY (session, line));
                CREATE TABLE IF NOT EXISTS output_history (session INTEGER, line INTEGER, output TEXT, PRIMARY KEY (session, line));
                """);
            using var start = db.CreateCommand();
            start.CommandText = "INSERT INTO sessions (start, num_cmds, remark) VALUES ($start, 0, 'perfnb'); SELECT last_insert_rowid();";
            start.Parameters.AddWithValue("$start", DateTime.UtcNow.ToString("O"));
            return new HistoryStore(db, (long)start.ExecuteScalar()!);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Records a cell of this session (a cell run again under the same count replaces the entry).</summary>
    public void Add(int line, string input, string? output)
    {
        lock (_gate)
        {
            using var transaction = _db.BeginTransaction();
            Execute(transaction, "INSERT OR REPLACE INTO history (session, line, source, source_raw) VALUES ($s, $l, $text, $text)", line, input);
            if (output is not null)
            {
                Execute(transaction, "INSERT OR REPLACE INTO output_history (session, line, output) VALUES ($s, $l, $text)", line, output);
            }

            Execute(transaction, "UPDATE sessions SET num_cmds = num_cmds + 1 WHERE session = $s", line, null);
            transaction.Commit();
        }
    }

    /// <summary>The last <paramref name="n"/> cells of all sessions, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Tail(int n) =>
        Query("ORDER BY h.session DESC, h.line DESC LIMIT $n", c => c.Parameters.AddWithValue("$n", n), newestFirst: true);

    /// <summary>
    /// Cells <paramref name="start"/> (inclusive) to <paramref name="stop"/> (exclusive; null for all) of a
    /// session; 0 or less counts back from this one (0 this session, -1 the one before), as IPython does.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Range(long session, int start, int? stop) =>
        Query("WHERE h.session = $session AND h.line >= $start AND h.line < $stop ORDER BY h.line", c =>
        {
            c.Parameters.AddWithValue("$session", session <= 0 ? Session + session : session);
            c.Parameters.AddWithValue("$start", start);
            c.Parameters.AddWithValue("$stop", stop ?? int.MaxValue);
        }, newestFirst: false);

    /// <summary>
    /// Cells whose code matches a glob (<c>*</c>, <c>?</c>, <c>[abc]</c>; case-sensitive), oldest first; the last
    /// <paramref name="n"/> if given; <paramref name="unique"/> keeps only the latest of identical code.
    /// </summary>
    public IReadOnlyList<HistoryEntry> Search(string pattern, int? n, bool unique)
    {
        var latestOnly = unique ? " AND h.rowid IN (SELECT MAX(rowid) FROM history WHERE source GLOB $pattern GROUP BY source)" : "";
        return Query($"WHERE h.source GLOB $pattern{latestOnly} ORDER BY h.session DESC, h.line DESC LIMIT $n", c =>
        {
            c.Parameters.AddWithValue("$pattern", pattern);
            c.Parameters.AddWithValue("$n", n ?? -1); // -1: no limit
        }, newestFirst: true);
    }

    private List<HistoryEntry> Query(string where, Action<SqliteCommand> bind, bool newestFirst)
    {
        lock (_gate)
        {
            using var query = _db.CreateCommand();
            query.CommandText = "SELECT h.session, h.line, h.source, o.output FROM history h LEFT JOIN output_history o ON o.session = h.session AND o.line = h.line " + where;
            bind(query);
            var entries = new List<HistoryEntry>();
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(new HistoryEntry(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }

            if (newestFirst)
            {
                entries.Reverse();
            }

            return entries;
        }
    }

    private void Execute(SqliteTransaction transaction, string sql, int line, string? text)
    {
        using var command = _db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$s", Session);
        command.Parameters.AddWithValue("$l", line);
        if (text is not null)
        {
            command.Parameters.AddWithValue("$text", text);
        }

        command.ExecuteNonQuery();
    }

    private static void Run(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            try
            {
                using var end = _db.CreateCommand();
                end.CommandText = "UPDATE sessions SET end = $end WHERE session = $s";
                end.Parameters.AddWithValue("$end", DateTime.UtcNow.ToString("O"));
                end.Parameters.AddWithValue("$s", Session);
                end.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // The end time is a courtesy; a locked or vanished file must not fail the shutdown.
            }

            _db.Dispose();
        }
    }
}
