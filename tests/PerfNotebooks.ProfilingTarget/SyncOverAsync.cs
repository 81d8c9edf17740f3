namespace PerfNotebooks.ProfilingTarget;

/// <summary>Requests that block a pool thread on async I/O (.Result) until the pool starves; fixed: awaited.</summary>
internal sealed class SyncOverAsync(bool fixedVersion) : Workloads
{
    public override void Run(TimeSpan duration)
    {
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            // A burst of "requests" arriving faster than a blocking pool can serve them.
            for (var i = 0; i < 20; i++)
            {
                _ = fixedVersion ? Task.Run(HandleAsync) : Task.Run(HandleBlocking);
            }

            Thread.Sleep(50);
        }
    }

    private static void HandleBlocking()
    {
        var body = FetchAsync().Result;
        Interlocked.Add(ref Operations, body.Length > 0 ? 1 : 0);
    }

    private static async Task HandleAsync()
    {
        var body = await FetchAsync();
        Interlocked.Add(ref Operations, body.Length > 0 ? 1 : 0);
    }

    private static async Task<string> FetchAsync()
    {
        await Task.Delay(200);
        return "ok";
    }
}
