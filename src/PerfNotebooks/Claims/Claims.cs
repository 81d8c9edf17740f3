namespace PerfNotebooks.Claims;

/// <summary>
/// Notebook entry point: <c>Claims.Analyze("resume.pdf")</c> or <c>Claims.Analyze(text)</c> returns a
/// <see cref="ClaimTable"/>; <c>.ToDataFrame()</c> gives a Microsoft.Data.Analysis DataFrame.
/// </summary>
public static class Claims
{
    /// <summary>
    /// Analyzes a resume file (.txt, .md, .pdf, .docx) when <paramref name="pathOrText"/> names one, otherwise the
    /// text itself. A single line that looks like a file name but does not exist is an error, not a resume.
    /// </summary>
    public static ClaimTable Analyze(string pathOrText)
    {
        ArgumentNullException.ThrowIfNull(pathOrText);
        if (LooksLikePath(pathOrText))
        {
            return File.Exists(pathOrText) ? ClaimTable.FromFile(pathOrText)
                : Directory.Exists(pathOrText) ? ClaimTable.FromFolder(pathOrText)
                : throw new BadInputException($"{pathOrText}: no such file; check the path, or pass the resume text itself.");
        }

        return ClaimTable.FromText(pathOrText);
    }

    /// <summary>Analyzes every resume in a folder; unreadable files are listed in <see cref="ClaimTable.Failures"/>.</summary>
    public static ClaimTable AnalyzeFolder(string folder) => ClaimTable.FromFolder(folder);

    private static bool LooksLikePath(string s)
    {
        if (s.Length == 0 || s.Length > 4096 || s.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        if (File.Exists(s) || Directory.Exists(s))
        {
            return true;
        }

        var extension = Path.GetExtension(s).ToLowerInvariant();
        return !s.Contains(' ', StringComparison.Ordinal) && extension is ".txt" or ".md" or ".pdf" or ".docx" or ".markdown" or ".doc";
    }
}
