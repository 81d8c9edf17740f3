namespace PerfNotebooks;

/// <summary>
/// The PerfNotebooks checkout this code runs from (the folder holding PerfNotebooks.sln), where the workbooks,
/// datasets and sample-server builds live. One place knows how to find it: $PERFNB_REPO_ROOT (set by ./perfnb),
/// then upwards from the running binary, then upwards from the current directory.
/// </summary>
internal static class RepoCheckout
{
    public const string RootVariable = "PERFNB_REPO_ROOT";

    /// <summary>Every distinct checkout found from those starting points, in that order.</summary>
    public static IEnumerable<string> Roots()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // The variable is an explicit choice (./perfnb sets it; tests point it at a copy): taken as given.
        if (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } chosen && seen.Add(Path.GetFullPath(chosen)))
        {
            yield return Path.GetFullPath(chosen);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            if (FindFrom(start) is { } root && seen.Add(root))
            {
                yield return root;
            }
        }
    }

    /// <summary>The first checkout found, or null when this runs outside one (an installed tool).</summary>
    public static string? Root => Roots().FirstOrDefault();

    /// <summary>A path inside the checkout, or inside the current directory when there is none.</summary>
    public static string PathTo(params string[] parts) => Path.Combine([Root ?? Environment.CurrentDirectory, .. parts]);

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds PerfNotebooks.sln.</summary>
    public static string? FindFrom(string? start)
    {
        for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfNotebooks.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
