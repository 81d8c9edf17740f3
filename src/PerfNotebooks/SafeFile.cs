namespace PerfNotebooks;

/// <summary>
/// The one way the project writes result files: through a temp file beside the target and a rename, so a
/// failure never leaves half a file, and readers see the old file or the new one.
/// </summary>
internal static class SafeFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            throw new BadInputException($"cannot write {path}: the folder {dir} does not exist; create it or pick another path.");
        }

        var temp = full + $".{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new BadInputException($"cannot write '{path}' ({e.Message}); choose a writable path.", e);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static void WriteText(string path, string text) => Write(path, s =>
    {
        using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false));
        writer.Write(text);
    });
}
