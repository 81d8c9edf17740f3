namespace PerfNotebooks.Profiling;

/// <summary>Runs a set of rules and says "no clear problem found" when none of them fires.</summary>
public sealed class FindingRules(IReadOnlyList<IFindingRule> rules)
{
    public static FindingRules Default { get; } = new(
    [
        new CpuHotspotRule(),
        new ThreadPoolStarvationRule(),
        new LockContentionRule(),
        new GcPressureRule(),
        new HeapGrowthRule(),
        new ChattyDatabaseRule(),
        new ConnectionLeakRule(),
    ]);

    public IReadOnlyList<IFindingRule> Rules { get; } = rules;

    public IReadOnlyList<Finding> Check(Profile profile)
    {
        var found = Rules.Select(r => r.Check(profile)).OfType<Finding>().ToList();
        if (found.Count == 0)
        {
            found.Add(new Finding(
                "none", "No clear problem found",
                "no rule's evidence crossed its threshold during this session.",
                [$"{profile.Samples} CPU samples, {profile.WaitingSamples} waiting samples in {profile.DurationSeconds:F1} s"],
                "profile again while the slow behaviour is happening (under load), or for longer."));
        }

        return found;
    }
}
