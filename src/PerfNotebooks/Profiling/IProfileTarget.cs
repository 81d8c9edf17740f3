namespace PerfNotebooks.Profiling;

/// <summary>Anything the profiler can attach to: a running process known by its id (a sample server handle, a launched app).</summary>
public interface IProfileTarget
{
    int Pid { get; }
}
