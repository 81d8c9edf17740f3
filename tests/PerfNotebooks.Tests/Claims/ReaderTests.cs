using System.IO.Compression;
using System.Text;
using PerfNotebooks.Claims;

namespace PerfNotebooks.Tests.Claims;

public sealed class ReaderTests : IClassFixture<ResumeFiles>
{
    private readonly ResumeFiles files;

    public ReaderTests(ResumeFiles files) => this.files = files;

    [Fact]
    public void Text_file_gives_one_item_per_non_empty_line_with_markers_stripped()
    {
        var path = files.Write("plain.txt", "Experience\n\n• Cut p99 latency from 2.4s to 120ms\n- Led a team of 8\n* Optimized API performance\n12. Halved memory use\n");

        var table = ClaimTable.FromFile(path);

        Assert.Equal(["Experience", "Cut p99 latency from 2.4s to 120ms", "Led a team of 8", "Optimized API performance", "Halved memory use"], table.Select(c => c.Text));
        Assert.Equal([1, 3, 4, 5, 6], table.Select(c => c.Line));
    }

    [Fact]
    public void Markdown_emphasis_and_list_markers_are_stripped()
    {
        var path = files.Write("resume.md", "## Experience\n- **Cut p99 latency** from 2.4s to 120ms\n1) `wrk` benchmarks\n");

        var texts = ClaimTable.FromFile(path).Select(c => c.Text).ToList();

        Assert.Equal(["Experience", "Cut p99 latency from 2.4s to 120ms", "wrk benchmarks"], texts);
    }

    [Fact]
    public void Docx_turns_tabs_and_breaks_into_spaces()
    {
        var texts = ClaimTable.FromFile(files.Docx).Select(c => c.Text).ToList();

        Assert.Contains("Cut p99 latency from 2.4s to 120ms", texts);
        Assert.Contains("Sped up CI builds from 45 min to 12 min", texts);
    }

    [Fact]
    public void Docx_reads_inserted_text_and_skips_deleted_text()
    {
        var texts = ClaimTable.FromFile(files.Docx).Select(c => c.Text).ToList();

        Assert.Contains("Reduced checkout latency by 95% from 2.4s to 120ms", texts);
        Assert.DoesNotContain(texts, t => t.Contains("62%", StringComparison.Ordinal));
    }

    [Fact]
    public void Docx_text_box_is_read_once()
    {
        var texts = ClaimTable.FromFile(files.Docx).Select(c => c.Text).ToList();

        Assert.Single(texts, t => t == "Expert in JVM tuning");
    }

    [Fact]
    public void Pdf_two_column_layout_keeps_each_column_line_whole_and_in_order()
    {
        var texts = ClaimTable.FromFile(files.TwoColumnPdf).Select(c => c.Text).ToList();

        var expectedLeft = ResumeFiles.LeftColumn.Select(BulletText.StripMarker).ToList();
        var left = texts.Where(expectedLeft.Contains).ToList();
        var right = texts.Where(ResumeFiles.RightColumn.Contains).ToList();
        Assert.Equal(expectedLeft, left);
        Assert.Equal(ResumeFiles.RightColumn, right);
    }

    [Fact]
    public void Pdf_bullets_are_analyzed_like_text()
    {
        var claim = ClaimTable.FromFile(files.TwoColumnPdf).Single(c => c.Text.StartsWith("Reduced p99", StringComparison.Ordinal));

        Assert.True(claim.Quantified);
        Assert.Equal("latency", claim.Metric);
    }

    [Fact]
    public void Missing_file_is_bad_input_naming_the_file()
    {
        var path = Path.Combine(files.Folder, "nope.txt");

        var e = Assert.Throws<BadInputException>(() => ClaimTable.FromFile(path));

        Assert.Contains("nope.txt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_bad_input_with_the_offset()
    {
        var path = files.WriteBytes("latin1.txt", [.. Encoding.ASCII.GetBytes("Cut latency "), 0xE9, 0x0A]);

        var e = Assert.Throws<BadInputException>(() => ClaimTable.FromFile(path));

        Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Contains("offset 12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_bad_input()
    {
        var path = files.WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1, 2, 3]);

        var e = Assert.Throws<BadInputException>(() => ClaimTable.FromFile(path));

        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_pdf_is_bad_input()
    {
        var path = files.Write("broken.pdf", "%PDF-1.7\nthis is not really a pdf\n%%EOF\n");

        var e = Assert.Throws<BadInputException>(() => ClaimTable.FromFile(path));

        Assert.Contains("broken.pdf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_docx_is_bad_input()
    {
        var path = files.Write("broken.docx", "PK this is not a zip");

        var e = Assert.Throws<BadInputException>(() => ClaimTable.FromFile(path));

        Assert.Contains("not a readable .docx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_bomb_docx_is_refused_before_inflating()
    {
        var path = Path.Combine(files.Folder, "bomb.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var stream = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 80; i++)
            {
                stream.Write(zeros);
            }
        }

        var e = Assert.Throws<BadInputException>(() => ClaimTable.FromFile(path));

        Assert.Contains("zip bomb", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Word_97_doc_is_bad_input_suggesting_docx()
    {
        var path = files.Write("old.doc", "whatever");

        var e = Assert.Throws<BadInputException>(() => ClaimTable.FromFile(path));

        Assert.Contains(".docx", e.Message, StringComparison.Ordinal);
    }
}
