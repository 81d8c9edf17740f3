namespace PerfNotebooks.Tests.Fixtures;

/// <summary>A fresh temp folder for one test, deleted with what is in it at the end.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("perfnb-test-").FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
