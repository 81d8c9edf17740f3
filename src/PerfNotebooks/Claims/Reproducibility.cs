namespace PerfNotebooks.Claims;

/// <summary>
/// What a reader would need to reproduce a claim: a before value, a percentile, the workload, the hardware and
/// the tool it was measured with. <see cref="Score"/> counts how many are present (0–5).
/// </summary>
public sealed record Reproducibility(bool Baseline, bool Percentile, bool Workload, bool Hardware, bool Tool)
{
    /// <summary>How many of the five are present, 0–5.</summary>
    public int Score => (Baseline ? 1 : 0) + (Percentile ? 1 : 0) + (Workload ? 1 : 0) + (Hardware ? 1 : 0) + (Tool ? 1 : 0);

    /// <summary>The names of the parts that are missing, in a fixed order.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>(5);
        if (!Baseline)
        {
            missing.Add("baseline");
        }

        if (!Percentile)
        {
            missing.Add("percentile");
        }

        if (!Workload)
        {
            missing.Add("workload");
        }

        if (!Hardware)
        {
            missing.Add("hardware");
        }

        if (!Tool)
        {
            missing.Add("tool");
        }

        return missing;
    }
}
