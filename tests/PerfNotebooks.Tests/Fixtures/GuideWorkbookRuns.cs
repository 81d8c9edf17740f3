namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// Headless workbook runs load the 2-core machine (sample servers, load, profilers); they run one at a time,
/// after the parallel tests, so one run's load does not skew another's checkpoints.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GuideWorkbookRuns
{
    public const string Name = "Workbook runs";
}
