using HdrHistogram;
using PerfNotebooks.Load;
using PerfNotebooks.Profiling;

namespace PerfNotebooks.Tests.Display;

/// <summary>Real result values built from known samples, for checking how they render.</summary>
internal static class ResultValues
{
    public static LoadResult LoadRun(
        IEnumerable<double> latenciesMs,
        string url = "http://127.0.0.1:5000/orders",
        LoadErrors? errors = null,
        double? rate = null,
        long late = 0,
        long dropped = 0,
        string? stoppedEarly = null)
    {
        var histogram = new LongHistogram(3_600_000_000, 3);
        foreach (var ms in latenciesMs)
        {
            histogram.RecordValue((long)(ms * 1000));
        }

        return new LoadResult(histogram)
        {
            Url = url,
            Mode = rate is null ? "closed" : "open",
            Connections = 8,
            TargetRate = rate,
            Duration = TimeSpan.FromSeconds(10),
            Warmup = TimeSpan.FromSeconds(2),
            Requests = histogram.TotalCount,
            Successes = histogram.TotalCount - (errors?.StatusTotal ?? 0),
            Errors = errors ?? new LoadErrors(0, 0, 0, 0, new Dictionary<int, long>()),
            Late = late,
            Dropped = dropped,
            PerSecond = [],
            Environment = RunEnvironment.Current,
            StoppedEarly = stoppedEarly,
        };
    }

    /// <summary>A comparison of steady runs, one per latency given.</summary>
    public static LoadComparison Compare(double[] beforeMs, double[] afterMs) =>
        PerfNotebooks.Load.Load.Compare([.. beforeMs.Select(ms => SteadyRun(ms))], [.. afterMs.Select(ms => SteadyRun(ms))]);

    /// <summary>A run of <paramref name="requests"/> requests that all took <paramref name="ms"/>.</summary>
    public static LoadResult SteadyRun(double ms, int requests = 1000) => LoadRun(Enumerable.Repeat(ms, requests));

    /// <summary>A busy CPU profile whose hot loop is <paramref name="hotMethod"/> (enough samples for the CPU rule to fire).</summary>
    public static Profile Profile(string hotMethod = "Shop.Prices.Recalculate", int otherMethods = 0, string? partialReason = null)
    {
        var samples = new List<ThreadSample>();
        for (var i = 0; i < 300; i++)
        {
            samples.Add(new ThreadSample(1, 0, OnCpu: true, ["Shop.Program.Main", "Shop.Handler.Get", hotMethod]));
        }

        for (var i = 0; i < otherMethods; i++)
        {
            samples.Add(new ThreadSample(1, 0, OnCpu: true, ["Shop.Program.Main", $"Shop.Other.Method{i}"]));
        }

        samples.Add(new ThreadSample(2, 0, OnCpu: false, ["System.Threading.Monitor.Wait"]));
        var (cpu, waiting) = ProfileAnalysis.Trees(samples);
        return new Profile(42, 1, cpu, waiting, [], 0, partialReason, string.Empty);
    }

    public static HeapDiff HeapGrowth(int growingTypes)
    {
        var before = new HeapSnapshot(42, DateTimeOffset.UnixEpoch, [new TypeSize("Shop.Order", 10, 1000, [])]);
        var after = new HeapSnapshot(
            42,
            DateTimeOffset.UnixEpoch.AddSeconds(30),
            [.. Enumerable.Range(0, growingTypes).Select(i => new TypeSize($"Shop.Cache{i}", 100 + i, (i + 1) * 1_048_576L, ["Shop.Registry"]))]);
        return after.Diff(before);
    }
}
