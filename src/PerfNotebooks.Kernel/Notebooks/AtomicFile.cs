namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>Writes a file through a temporary sibling and a rename, so readers see the old or the new file, never half of one.</summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new BadInputException($"cannot write '{path}': folder '{directory}' does not exist; create it or choose another --output.");
        }

        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, text);
        File.Move(temp, full, overwrite: true);
    }
}
