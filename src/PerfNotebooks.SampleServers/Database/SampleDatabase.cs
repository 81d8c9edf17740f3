using System.Data.Common;
using System.Diagnostics;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.Database;

/// <summary>
/// The scenarios' database: a seeded SQLite file (default) or a private schema in PostgreSQL. Connections come
/// from a bounded pool (<see cref="PoolSize"/> at once, waiting at most <see cref="PoolTimeout"/>), as in production,
/// so a leak exhausts it on either database.
/// </summary>
internal abstract class SampleDatabase : IAsyncDisposable
{
    private readonly SemaphoreSlim _pool;
    private int _open;

    protected SampleDatabase(TimeSpan latency, int poolSize, TimeSpan poolTimeout)
    {
        Latency = latency;
        PoolSize = poolSize;
        PoolTimeout = poolTimeout;
        _pool = new SemaphoreSlim(poolSize, poolSize);
    }

    public abstract string Provider { get; }

    public TimeSpan Latency { get; }

    public int PoolSize { get; }

    public TimeSpan PoolTimeout { get; }

    public int OpenConnections => Volatile.Read(ref _open);

    public TimeSpan SeedTime { get; private set; }

    public TimeSpan SeedCpuTime { get; private set; }

    public int Users { get; private set; }

    public int Orders { get; private set; }

    /// <summary>With <c>--db env</c> the database URL comes from this variable, so its password is not on the command line (ps shows that).</summary>
    public const string UrlVariable = "PERFNB_DB";

    public static async Task<SampleDatabase> Create(ServerOptions options, CancellationToken ct)
    {
        var spec = options.Database.Equals("env", StringComparison.OrdinalIgnoreCase)
            ? Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : throw new ArgumentException($"--db env reads the database URL from {UrlVariable}, which is not set")
            : options.Database;
        SampleDatabase database = spec.Equals("sqlite", StringComparison.OrdinalIgnoreCase)
            ? new SqliteSampleDatabase(options.DbLatency, options.PoolSize, options.PoolTimeout)
            : new PostgresSampleDatabase(PostgresSampleDatabase.ParseUrl(spec), options.DbLatency, options.PoolSize, options.PoolTimeout);
        try
        {
            var clock = Stopwatch.StartNew();
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var (users, orders) = SeedData.Generate();
            await database.Seed(users, orders, ct);
            database.SeedTime = clock.Elapsed;

            // CPU time too: on a shared machine wall time mostly measures the neighbours.
            self.Refresh();
            database.SeedCpuTime = self.TotalProcessorTime - cpuBefore;
            database.Users = users.Count;
            database.Orders = orders.Count;
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Takes a connection from the pool; throws <see cref="PoolExhaustedException"/> when none frees up in time.</summary>
    public async Task<DbSession> OpenAsync(CancellationToken ct)
    {
        if (!await _pool.WaitAsync(PoolTimeout, ct))
        {
            ServerMetrics.DbPoolExhausted.Inc();
            throw new PoolExhaustedException(PoolSize, PoolTimeout);
        }

        try
        {
            var connection = await OpenConnection(ct);
            ServerMetrics.DbConnectionsOpen.Set(Interlocked.Increment(ref _open));
            return new DbSession(connection, this);
        }
        catch
        {
            _pool.Release();
            throw;
        }
    }

    public abstract ValueTask DisposeAsync();

    internal void Release()
    {
        ServerMetrics.DbConnectionsOpen.Set(Interlocked.Decrement(ref _open));
        _pool.Release();
    }

    protected abstract Task<DbConnection> OpenConnection(CancellationToken ct);

    protected abstract Task Seed(IReadOnlyList<User> users, IReadOnlyList<Order> orders, CancellationToken ct);
}
