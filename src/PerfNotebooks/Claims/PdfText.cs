using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;

namespace PerfNotebooks.Claims;

/// <summary>
/// Reads a PDF in reading order: words are grouped into blocks (Docstrum), blocks are ordered (left column
/// before right), and each block's lines become resume lines. A bullet that wraps onto a second line is joined
/// back into one item.
/// </summary>
internal static class PdfText
{
    public const long MaxBytes = 32L * 1024 * 1024;

    public static IReadOnlyList<ResumeLine> Read(string path)
    {
        if (new FileInfo(path).Length > MaxBytes)
        {
            throw new BadInputException($"{path} is larger than {MaxBytes / (1024 * 1024)} MB; a resume PDF should be far smaller.");
        }

        try
        {
            using var document = PdfDocument.Open(path);
            var lines = new List<ResumeLine>();
            var number = 0;
            var orderer = new UnsupervisedReadingOrderDetector(10);
            foreach (var page in document.GetPages())
            {
                var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters);
                var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
                foreach (var block in orderer.Get(blocks))
                {
                    StringBuilder? pending = null;
                    var pendingLine = 0;
                    foreach (var textLine in block.TextLines)
                    {
                        number++;
                        var text = textLine.Text.Trim();
                        if (text.Length == 0)
                        {
                            continue;
                        }

                        if (pending is not null && ContinuesBullet(text))
                        {
                            pending.Append(' ').Append(text);
                            continue;
                        }

                        if (pending is not null)
                        {
                            lines.Add(new ResumeLine(pendingLine, pending.ToString()));
                        }

                        pending = new StringBuilder(text);
                        pendingLine = number;
                    }

                    if (pending is not null)
                    {
                        lines.Add(new ResumeLine(pendingLine, pending.ToString()));
                    }
                }
            }

            return lines;
        }
        catch (Exception e) when (e is PdfDocumentFormatException or PdfDocumentEncryptedException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException or IOException)
        {
            throw new BadInputException($"{path} is not a readable PDF ({e.Message.TrimEnd('.')}); re-export it as PDF or pass .docx/.txt.", e);
        }
    }

    /// <summary>A wrapped continuation: starts lower-case and with no bullet marker.</summary>
    private static bool ContinuesBullet(string text) =>
        char.IsLower(text[0]) || (text[0] is '(' or '&' && text.Length > 1);
}
