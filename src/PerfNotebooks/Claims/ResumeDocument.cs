using System.Text;

namespace PerfNotebooks.Claims;

/// <summary>
/// Reads a resume file into lines: .txt/.md (strict UTF-8), .pdf (PdfPig, reading order) and .docx (OpenXml).
/// Every problem with the file is a <see cref="BadInputException"/> naming the file and the fix.
/// </summary>
internal static class ResumeDocument
{
    /// <summary>Text files larger than this are not resumes.</summary>
    public const long MaxTextBytes = 16L * 1024 * 1024;

    public static IReadOnlyList<ResumeLine> Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new BadInputException($"{path} is a folder; pass the resume files in it, or use ClaimTable.FromFolder.");
        }

        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: no such file; check the path.");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".pdf" => PdfText.Read(path),
            ".docx" => DocxText.Read(path),
            ".doc" or ".rtf" or ".odt" or ".pages" => throw new BadInputException(
                $"{path}: {extension} is not supported; save it as .docx, .pdf, .txt or .md."),
            _ => Lines(ReadText(path)),
        };
    }

    public static IReadOnlyList<ResumeLine> Lines(string text)
    {
        var lines = new List<ResumeLine>();
        var number = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            number++;
            if (!raw.IsWhiteSpace())
            {
                lines.Add(new ResumeLine(number, raw.ToString()));
            }
        }

        return lines;
    }

    private static string ReadText(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxTextBytes)
        {
            throw new BadInputException($"{path}: {info.Length / (1024 * 1024)} MB is too large for a resume (limit {MaxTextBytes / (1024 * 1024)} MB); split it.");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.AsSpan().StartsWith("%PDF"u8) || bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            throw new BadInputException($"{path} is a PDF or Office file with the wrong extension; rename it to .pdf or .docx.");
        }

        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (sample.IndexOf((byte)0) >= 0)
        {
            throw new BadInputException($"{path} looks binary (it contains NUL bytes); pass a .txt, .md, .pdf or .docx resume.");
        }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new BadInputException($"{path} is not valid UTF-8 (bad byte at offset {e.Index + start}); re-save it as UTF-8.", e);
        }
    }
}
