namespace PerfNotebooks.Workbooks;

/// <summary>The guided workbooks in notebooks/, found by number or name ("03", "n-plus-one", "03-n-plus-one").</summary>
public static class WorkbookCatalog
{
    public static string NotebooksFolder(string? repoRoot = null)
    {
        return repoRoot is null ? RepoCheckout.PathTo("notebooks") : Path.Combine(repoRoot, "notebooks");
    }

    public static IReadOnlyList<string> All(string? notebooks = null)
    {
        notebooks ??= NotebooksFolder();
        return Directory.Exists(notebooks)
            ? [.. Directory.EnumerateFiles(notebooks, "*.ipynb").Order(StringComparer.Ordinal)]
            : [];
    }

    public static string Find(string name, string? notebooks = null)
    {
        var all = All(notebooks);
        var key = Path.GetFileNameWithoutExtension(name);
        var matches = all.Where(p =>
        {
            var file = Path.GetFileNameWithoutExtension(p);
            return file == key || file.StartsWith(key + "-", StringComparison.Ordinal) || file[(file.IndexOf('-', StringComparison.Ordinal) + 1)..] == key;
        }).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new BadInputException($"no workbook named '{name}'; choose one of: {string.Join(", ", all.Select(Path.GetFileNameWithoutExtension))}{(File.Exists(name) ? $" (to run the notebook file itself: ./perfnb run {name})" : "")}."),
            _ => throw new BadInputException($"'{name}' matches several workbooks ({string.Join(", ", matches.Select(Path.GetFileNameWithoutExtension))}); give the full name."),
        };
    }
}
