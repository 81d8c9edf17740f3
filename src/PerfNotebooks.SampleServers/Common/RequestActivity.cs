namespace PerfNotebooks.SampleServers.Common;

/// <summary>
/// Whether the server is idle: no request running and none for a while. Background work that would show in a
/// measurement or a profile (the exercise compiler's warm-up) waits for it.
/// </summary>
internal static class RequestActivity
{
    private static long _lastTick = Environment.TickCount64;
    private static int _running;

    public static async Task Track(HttpContext context, RequestDelegate next)
    {
        Interlocked.Increment(ref _running);
        try
        {
            await next(context);
        }
        finally
        {
            Volatile.Write(ref _lastTick, Environment.TickCount64);
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>True when no request is running and the last one ended at least <paramref name="quiet"/> ago.</summary>
    public static bool IdleFor(TimeSpan quiet) =>
        Volatile.Read(ref _running) == 0 && Environment.TickCount64 - Volatile.Read(ref _lastTick) >= quiet.TotalMilliseconds;
}
