using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PerfNotebooks.Tests.Claims;

/// <summary>
/// Generates real .docx and .pdf resumes for the reader tests (OpenXml SDK and PdfPig's writer), so the binary
/// fixtures are built from code rather than checked in by hand.
/// </summary>
public sealed class ResumeFiles : IDisposable
{
    public ResumeFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "perfnb-claims-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Docx = WriteDocx(Path.Combine(Folder, "resume.docx"));
        TwoColumnPdf = WriteTwoColumnPdf(Path.Combine(Folder, "resume.pdf"));
    }

    public string Folder { get; }

    /// <summary>Paragraphs: a tab, a line break, a tracked change (95% inserted, 62% deleted), a text box.</summary>
    public string Docx { get; }

    /// <summary>Left column: experience bullets; right column: skills, beside them on the same lines.</summary>
    public string TwoColumnPdf { get; }

    public static readonly string[] LeftColumn =
    [
        "- Reduced p99 latency from 800ms to 120ms",
        "- Cut CI builds from 40 min to 9 min",
        "- Led a team of 6 engineers",
        "- Optimized API performance",
    ];

    public static readonly string[] RightColumn =
    [
        "Skills: Go, Rust, Kafka",
        "Tools: wrk, k6, pprof",
        "Languages: English",
    ];

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder left behind is harmless
        }
    }

    private static string WriteDocx(string path)
    {
        using (var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Experience"))),
                new Paragraph(new Run(new Text("• Cut p99 latency"), new TabChar(), new Text("from 2.4s to 120ms"))),
                new Paragraph(new Run(new Text("Sped up CI builds"), new Break(), new Text("from 45 min to 12 min"))),
                new Paragraph(
                    new Run(new Text("Reduced checkout latency ") { Space = SpaceProcessingModeValues.Preserve }),
                    new InsertedRun(new Run(new Text("by 95% ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "1", Author = "r", Date = DateTime.UnixEpoch },
                    new DeletedRun(new Run(new DeletedText("by 62% ") { Space = SpaceProcessingModeValues.Preserve })) { Id = "2", Author = "r", Date = DateTime.UnixEpoch },
                    new Run(new Text("from 2.4s to 120ms"))),
                TextBoxParagraph("Expert in JVM tuning"),
                new Paragraph(new Run(new Text("Led a team of 8 engineers")))));
            main.Document.Save();
        }

        return path;
    }

    /// <summary>A text box as Word writes it: the DrawingML copy in mc:Choice and a VML copy in mc:Fallback.</summary>
    private static Paragraph TextBoxParagraph(string text)
    {
        var xml =
            "<mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
            "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
            "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
            "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
            "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
            "xmlns:v=\"urn:schemas-microsoft-com:vml\">" +
            "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">" +
            "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>" +
            "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>" +
            "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>" +
            "</mc:AlternateContent>";
        return new Paragraph(new Run(new AlternateContent(xml)));
    }

    private static string WriteTwoColumnPdf(string path)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddText("Jane Doe - Backend Engineer", 14, new PdfPoint(40, 800), font);
        for (var i = 0; i < LeftColumn.Length; i++)
        {
            page.AddText(LeftColumn[i], 9, new PdfPoint(40, 760 - (i * 14)), font);
        }

        for (var i = 0; i < RightColumn.Length; i++)
        {
            page.AddText(RightColumn[i], 9, new PdfPoint(360, 760 - (i * 14)), font);
        }

        File.WriteAllBytes(path, builder.Build());
        return path;
    }
}
