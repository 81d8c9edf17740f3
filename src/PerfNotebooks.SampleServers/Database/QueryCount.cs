using System.Runtime.CompilerServices;

namespace PerfNotebooks.SampleServers.Database;

/// <summary>Counts database round trips made on behalf of the current request (flows with the async context).</summary>
internal static class QueryCount
{
    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    /// <summary>Starts counting for the request now being served; returns the box the count lands in.</summary>
    public static StrongBox<int> BeginRequest()
    {
        var box = new StrongBox<int>(0);
        Current.Value = box;
        return box;
    }

    public static void Record()
    {
        if (Current.Value is { } box)
        {
            Interlocked.Increment(ref box.Value);
        }
    }
}
