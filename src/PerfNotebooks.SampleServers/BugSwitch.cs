namespace PerfNotebooks.SampleServers;

/// <summary>
/// Which code the running scenario serves, as reported by /health, /debug/stats and the ready line: "buggy" (the
/// original exercise file), "learner" or "fixed" (a version submitted at run time to /admin/exercise).
/// </summary>
internal sealed class BugSwitch(string scenario)
{
    private volatile string _mode = "buggy";

    public string Scenario { get; } = scenario;

    public string Mode
    {
        get => _mode;
        set => _mode = value;
    }
}
