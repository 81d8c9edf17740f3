using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PerfNotebooks.Claims;

/// <summary>
/// Reads a .docx into one line per paragraph. Tabs and breaks become spaces; deleted and moved-from tracked
/// changes are skipped (their text is w:delText); text boxes are read once, from the modern (Choice) copy, not
/// again from the VML fallback Word writes beside it.
/// </summary>
internal static class DocxText
{
    /// <summary>Refuse archives that inflate past this (zip bombs).</summary>
    public const long MaxUncompressedBytes = 64L * 1024 * 1024;

    public const double MaxCompressionRatio = 200;

    public static IReadOnlyList<ResumeLine> Read(string path)
    {
        GuardAgainstBombs(path);
        try
        {
            using var doc = WordprocessingDocument.Open(path, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new BadInputException($"{path} has no document body; re-save it from Word as .docx.");
            var lines = new List<ResumeLine>();
            var number = 0;
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                if (InFallback(paragraph))
                {
                    continue;
                }

                number++;
                var text = ParagraphText(paragraph);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    lines.Add(new ResumeLine(number, text));
                }
            }

            return lines;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new BadInputException($"{path} is not a readable .docx ({e.Message.TrimEnd('.')}); re-save it from Word as .docx.", e);
        }
    }

    private static void GuardAgainstBombs(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long total = 0;
            long compressed = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                compressed += entry.CompressedLength;
                if (total > MaxUncompressedBytes)
                {
                    throw new BadInputException(
                        $"{path} inflates to more than {MaxUncompressedBytes / (1024 * 1024)} MB (a zip bomb or not a resume); remove embedded media or pass a PDF.");
                }
            }

            if (compressed > 0 && total > 1024 * 1024 && total / (double)compressed > MaxCompressionRatio)
            {
                throw new BadInputException(
                    $"{path} compresses {total / (double)compressed:0}:1, like a zip bomb; re-save it from Word.");
            }
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException($"{path} is not a readable .docx (not a zip archive); re-save it from Word as .docx.", e);
        }
    }

    private static bool InFallback(OpenXmlElement element)
    {
        for (var parent = element.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is AlternateContentFallback)
            {
                return true;
            }
        }

        return false;
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var sb = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            if (!OwnedBy(element, paragraph))
            {
                continue; // text of a paragraph nested in a text box belongs to that paragraph
            }

            switch (element)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar or Break or CarriageReturn or PositionalTab:
                    sb.Append(' ');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
            }
        }

        return sb.ToString().Trim();
    }

    private static bool OwnedBy(OpenXmlElement element, Paragraph paragraph)
    {
        for (var parent = element.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is Paragraph p)
            {
                return ReferenceEquals(p, paragraph);
            }
        }

        return false;
    }
}
