namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>What the checker knows about one scenario: which requests to compare, what may differ, what is fast enough.</summary>
internal abstract class ExerciseSpec
{
    public abstract string Scenario { get; }

    /// <summary>Properties whose values legitimately differ between two servers (timings, per-process counters).</summary>
    public virtual IReadOnlySet<string> Ignored { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Edge cases first, then randomized requests (path and query) drawn from <paramref name="random"/>.</summary>
    public abstract IEnumerable<string> Inputs(Random random);

    /// <summary>Measures the scenario's own symptom on the learner's server (and the reference's, for timings).</summary>
    public abstract Task<(bool Fast, string Detail)> Performance(ExerciseProbe probe, CancellationToken ct);

    public static ExerciseSpec For(string scenario) => scenario switch
    {
        "n-plus-one" => new NPlusOneSpec(),
        "connection-leak" => new ConnectionLeakSpec(),
        "cpu-hotspot" => new CpuHotspotSpec(),
        "memory-leak" => new MemoryLeakSpec(),
        "threadpool-starvation" => new ThreadpoolStarvationSpec(),
        "lock-contention" => new LockContentionSpec(),
        "allocation-heavy" => new AllocationHeavySpec(),
        _ => throw new BadInputException($"the checker has no exercise for '{scenario}'; it checks: cpu-hotspot, n-plus-one, memory-leak, connection-leak, threadpool-starvation, lock-contention, allocation-heavy"),
    };
}
