namespace PerfNotebooks.Tests.Fixtures;

/// <summary>Where the repository and its folders are, found from the test assembly's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    public static string Datasets => Path.Combine(Root, "datasets");

    private static string FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("PERFNB_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "PerfNotebooks.sln")))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfNotebooks.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find PerfNotebooks.sln above " + AppContext.BaseDirectory);
    }
}
