namespace PerfNotebooks.Tests.Fixtures;

/// <summary>Notebooks made by hand in our format and in Polyglot Notebooks' formats, copied next to the tests.</summary>
public static class SampleNotebooks
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Notebooks", "Samples", name);

    /// <summary>A fresh temp folder holding a copy of the sample, so tests may run or overwrite it.</summary>
    public static string CopyToTemp(string name)
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-nb-").FullName;
        var target = System.IO.Path.Combine(folder, name);
        File.Copy(Path(name), target);
        return target;
    }
}
