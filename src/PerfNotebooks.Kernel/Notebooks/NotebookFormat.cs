namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>A file format a notebook can be read from and written to.</summary>
public abstract class NotebookFormat
{
    public abstract NotebookDocument Read(string text, string path);

    public abstract string Write(NotebookDocument notebook, string path);

    public static NotebookFormat ForPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ipynb" => new IpynbFormat(),
        ".dib" => new DibFormat(),
        ".cs" => new FileBasedAppFormat(),
        var other => throw new BadInputException($"'{path}': unknown notebook format '{other}'; use .ipynb, .dib or .cs (a C# file-based app)."),
    };
}
