namespace PerfNotebooks.SampleServers.ThreadpoolStarvation;

/// <summary>The remote pricing service the quote waits on: 50 ms away.</summary>
internal static class PricingService
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(50);

    public static Task Call(CancellationToken ct) => Task.Delay(Delay, ct);
}
