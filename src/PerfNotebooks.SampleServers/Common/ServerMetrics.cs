using Prometheus;

namespace PerfNotebooks.SampleServers.Common;

/// <summary>
/// The Prometheus series this server exports at /metrics beside prometheus-net's HTTP and runtime ones. Their help texts name
/// no scenario: an interview server exports the same series as every other.
/// </summary>
internal static class ServerMetrics
{
    public static readonly Counter DbQueries = Metrics.CreateCounter(
        "perfnb_db_queries_total", "Database round trips made by the server.");

    public static readonly Histogram DbQueriesPerRequest = Metrics.CreateHistogram(
        "perfnb_db_queries_per_request", "Database round trips made while serving one request.",
        new HistogramConfiguration
        {
            LabelNames = ["route"],
            Buckets = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
        });

    public static readonly Gauge DbConnectionsOpen = Metrics.CreateGauge(
        "perfnb_db_connections_open", "Database connections currently taken from the pool and not given back.");

    public static readonly Counter DbPoolExhausted = Metrics.CreateCounter(
        "perfnb_db_pool_exhausted_total", "Requests that gave up waiting for a free database connection.");

    public static readonly Gauge CacheEntries = Metrics.CreateGauge(
        "perfnb_cache_entries", "Entries held by the server's in-memory cache.");

    public static readonly Histogram LockWait = Metrics.CreateHistogram(
        "perfnb_lock_wait_seconds", "Time a request waited to enter a shared lock.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16) });

    public static readonly Histogram AllocatedBytesPerRequest = Metrics.CreateHistogram(
        "perfnb_allocated_bytes_per_request", "Bytes allocated while formatting one report.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(1024, 4, 12) });

    public static readonly Gauge BugFixed = Metrics.CreateGauge(
        "perfnb_bug_fixed", "1 when the scenario serves its fixed code path, 0 when it serves the bug.");
}
