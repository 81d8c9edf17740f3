namespace PerfNotebooks.Workbooks.Interviews;

/// <summary>
/// A measurement the candidate took of the interview's own server through the library, as the library recorded it
/// (not as the candidate reported it): a "profile" of its process, a "load" run against its URL, or its "counters".
/// </summary>
public sealed record InterviewEvidence(string Kind, DateTimeOffset At, double Seconds, string Summary)
{
    /// <summary>The kinds a candidate can cite.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["profile", "counters", "load"];
}
