namespace PerfNotebooks.SampleServers;

/// <summary>Whether the running scenario serves its buggy or its fixed code path; flipped at run time by /admin.</summary>
internal sealed class BugSwitch(string scenario, bool isFixed)
{
    private volatile bool _fixed = isFixed;

    public string Scenario { get; } = scenario;

    public bool IsFixed
    {
        get => _fixed;
        set => _fixed = value;
    }

    public string Mode => _fixed ? "fixed" : "buggy";
}
