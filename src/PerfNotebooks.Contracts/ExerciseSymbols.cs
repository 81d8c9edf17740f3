using System.Globalization;

namespace PerfNotebooks.Servers;

/// <summary>
/// Where a sample server leaves each exercise version it compiled at run time (the assembly, its portable PDB
/// embedded), so a profiler that knows only the process id can map that code's samples to source lines. A version
/// loaded from memory has no file on disk for a profiler to find otherwise.
/// </summary>
internal static class ExerciseSymbols
{
    /// <summary>The folder of process <paramref name="pid"/>'s compiled exercise versions (private to the user).</summary>
    public static string Folder(int pid) =>
        Path.Combine(Path.GetTempPath(), "perfnb-exercise-" + Environment.UserName + "-" + pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>The file of the version whose PDB id (the CodeView GUID in its debug directory) is <paramref name="pdbId"/>.</summary>
    public static string File(int pid, Guid pdbId) => Path.Combine(Folder(pid), pdbId.ToString("N") + ".dll");
}
