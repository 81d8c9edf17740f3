namespace PerfNotebooks.Evidence;

/// <summary>One measurement the library finished: a profile of a process or a load run against a URL.</summary>
/// <param name="Kind">"profile" or "load".</param>
/// <param name="Pid">The profiled process; 0 for a load run.</param>
/// <param name="Url">The loaded URL; empty for a profile.</param>
/// <param name="At">When it finished.</param>
/// <param name="Seconds">How long it measured.</param>
/// <param name="Summary">What it found, in one line.</param>
internal sealed record TakenEvidence(string Kind, int Pid, string Url, DateTimeOffset At, double Seconds, string Summary);

/// <summary>
/// Where finished profiles and load runs are announced, so an interview can record what a candidate really measured
/// (and when) instead of taking their word for it. Listeners must be quick; a failing one never fails the measurement.
/// </summary>
internal static class EvidenceTrail
{
    public static event Action<TakenEvidence>? Taken;

    public static void Record(TakenEvidence evidence)
    {
        foreach (var listener in Taken?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<TakenEvidence>)listener)(evidence);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A recorder's bug must not cost the candidate their measurement.
            }
        }
    }
}
