namespace PerfNotebooks.SampleServers;

/// <summary>
/// Which code the running scenario serves, as reported by /health, /debug/stats and the ready line: "buggy" (the
/// original exercise file), "learner" or "fixed" (a version submitted at run time to /admin/exercise).
/// In interview mode both read "undisclosed".
/// </summary>
internal sealed class BugSwitch(string scenario, bool hidden = false)
{
    private volatile string _mode = "buggy";

    public bool Hidden { get; } = hidden;

    public string Scenario { get; } = hidden ? Interview.InterviewDisguise.Undisclosed : scenario;

    public string Mode
    {
        get => Hidden ? Interview.InterviewDisguise.Undisclosed : _mode;
        set => _mode = value;
    }
}
