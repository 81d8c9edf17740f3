namespace PerfNotebooks.ProfilingTarget;

/// <summary>Does nothing: the "no clear problem" baseline.</summary>
internal sealed class Idle : Workloads
{
    public override void Run(TimeSpan duration) => Thread.Sleep(duration);
}
