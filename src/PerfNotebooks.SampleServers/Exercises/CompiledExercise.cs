using System.Reflection;
using System.Runtime.Loader;

namespace PerfNotebooks.SampleServers.Exercises;

/// <summary>A version of an exercise compiled at run time, in its own collectible load context.</summary>
internal sealed class CompiledExercise(AssemblyLoadContext context, Delegate entry, TimeSpan compileTime)
{
    public Delegate Entry { get; } = entry;

    public TimeSpan CompileTime { get; } = compileTime;

    public Assembly Assembly => Entry.Method.DeclaringType!.Assembly;

    // Requests still running the old code keep it alive until they finish; the GC frees it after.
    public void Unload() => context.Unload();
}
