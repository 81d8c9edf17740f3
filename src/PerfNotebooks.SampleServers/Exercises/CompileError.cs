namespace PerfNotebooks.SampleServers.Exercises;

/// <summary>One compiler message, by line and column of the submitted file (1-based).</summary>
internal sealed record CompileError(int Line, int Column, string Id, string Message);

/// <summary>Submitted code that did not compile, or compiled without the entry point the endpoint calls.</summary>
internal sealed class ExerciseCompileException(IReadOnlyList<CompileError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Id}: {e.Message}")))
{
    public IReadOnlyList<CompileError> Errors { get; } = errors;
}
