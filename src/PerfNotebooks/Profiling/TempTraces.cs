namespace PerfNotebooks.Profiling;

/// <summary>
/// The raw .nettrace of each profile lives in the temp folder so <see cref="Profile.SaveNettrace"/> can copy it later;
/// they are deleted when the process (CLI run or notebook kernel) exits.
/// </summary>
internal static class TempTraces
{
    private static readonly List<string> Paths = [];

    static TempTraces() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();

    public static string NewPath(int pid)
    {
        var path = Path.Combine(Path.GetTempPath(), $"perfnb-{pid}-{Guid.NewGuid():N}.nettrace");
        lock (Paths)
        {
            Paths.Add(path);
        }

        return path;
    }

    private static void DeleteAll()
    {
        lock (Paths)
        {
            foreach (var path in Paths)
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Still open elsewhere: the OS temp cleaner will get it.
                }
            }
        }
    }
}
