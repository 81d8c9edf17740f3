namespace PerfNotebooks.Profiling;

/// <summary>One diagnosis over a profile's evidence; returns null when its problem is not there.</summary>
public interface IFindingRule
{
    string Name { get; }

    Finding? Check(Profile profile);
}
