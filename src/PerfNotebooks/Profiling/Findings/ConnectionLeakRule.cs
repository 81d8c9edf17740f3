using System.Globalization;

namespace PerfNotebooks.Profiling;

/// <summary>
/// Database connections held outside requests: the driver's busy connections (Npgsql's "busy-connections", or the
/// same counter from an app's own EventSource) stay above the requests ASP.NET Core has in flight, and never all
/// go back to the pool. A leaked connection is invisible on stacks (no thread holds it); the counters show it.
/// </summary>
public sealed class ConnectionLeakRule : IFindingRule
{
    // A request holds one connection at a time in most code; two more than requests in flight, all session
    // long, is not a burst.
    private const double HeldOutsideThreshold = 2;

    public string Name => "connection-leak";

    public Finding? Check(Profile profile)
    {
        var busy = profile.Counters.Where(s => s.Name == "busy-connections" && s.Points.Count > 0).MaxBy(s => s.Mean);
        var inFlight = profile.Counters.FirstOrDefault(s => s.Name == "current-requests" && s.Provider == "Microsoft.AspNetCore.Hosting" && s.Points.Count > 0);
        if (busy is null || inFlight is null)
        {
            return null;
        }

        var held = busy.Points.Select(p => (Busy: p.Value, InFlight: Nearest(inFlight, p.Seconds))).ToList();
        var outside = Median.Of(held.Select(h => h.Busy - h.InFlight));
        var fewestBusy = held.Min(h => h.Busy);
        if (outside < HeldOutsideThreshold || fewestBusy < HeldOutsideThreshold)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var typicalBusy = Median.Of(held.Select(h => h.Busy));
        var typicalInFlight = Median.Of(held.Select(h => h.InFlight));
        return new Finding(
            Name,
            string.Create(c, $"{typicalBusy:F0} database connections busy with {typicalInFlight:F0} requests in flight (connection leak)"),
            "connections are taken from the pool and not given back: some code path (an early return, an exception) skips the Dispose. Once the pool is empty, every request waits for a connection and fails or times out.",
            [
                string.Create(c, $"busy connections ({busy.Provider}) never fell below {fewestBusy:F0} during the session; typically {typicalBusy:F0}"),
                string.Create(c, $"requests in flight (ASP.NET Core) were typically {typicalInFlight:F0}: about {outside:F0} connections are held by no request"),
            ],
            "find the code that opens a connection and can leave without disposing it (early returns, catch blocks); hold every connection in 'await using'.");
    }

    private static double Nearest(CounterSeries series, double seconds) =>
        series.Points.MinBy(p => Math.Abs(p.Seconds - seconds))!.Value;
}
