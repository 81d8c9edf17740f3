using System.Text.Json;
using PerfNotebooks.Claims;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Claims;

/// <summary>
/// `claims analyze` streams: batches analysed on every core, rows written as they are done. Its output must be
/// byte for byte what the plain path gives (every line analysed in order on one thread, then rendered), in every
/// format, on a corpus of hand-written bullets longer than one batch.
/// </summary>
public sealed class ClaimStreamingTests : IClassFixture<ResumeFiles>
{
    private readonly ResumeFiles files;

    public ClaimStreamingTests(ResumeFiles files) => this.files = files;

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("table")]
    public async Task Streamed_output_equals_the_one_thread_analysis_rendered_whole(string format)
    {
        var path = files.Write($"stream-{format}.txt", HandWrittenCorpus(20_000));

        var streamed = await CliRunner.Run("claims", "analyze", path, "--format", format);

        var lines = File.ReadLines(path).Select((text, i) => new ResumeLine(i + 1, text));
        var whole = ClaimWriter.Render(ClaimStream.Analyze(path, lines), format);
        Assert.Equal(0, streamed.ExitCode);
        Assert.True(whole.Length > 1_000_000, $"the reference rendering is only {whole.Length} characters");
        Assert.Equal(whole, streamed.Stdout);
    }

    [Fact]
    public void A_bad_byte_several_batches_in_loses_no_line_before_it_and_names_its_line()
    {
        var good = HandWrittenCorpus(5_000);
        var path = files.WriteBytes("bad-byte-late.txt", [.. System.Text.Encoding.UTF8.GetBytes(good), 0xC3, 0x28, (byte)'\n', .. "- Cut p99 from 900 ms to 90 ms\n"u8.ToArray()]);

        var streamed = new List<Claim>();
        var failures = ClaimStream.Run([path], streamed.Add);

        var expected = ClaimStream.Analyze(path, good.TrimEnd('\n').Split('\n').Select((text, i) => new ResumeLine(i + 1, text)));
        Assert.Equal(expected.Select(c => (c.Line, c.Text)), streamed.Select(c => (c.Line, c.Text)));
        Assert.Contains("not valid UTF-8 (bad byte at offset " + System.Text.Encoding.UTF8.GetByteCount(good) + ", in line 5001)", Assert.Single(failures).Message, StringComparison.Ordinal);
    }

    /// <summary>Every labelled and held-out bullet, cycled to <paramref name="count"/> lines (many batches).</summary>
    private static string HandWrittenCorpus(int count)
    {
        var texts = new[] { "labelled-bullets.jsonl", "held-out-bullets.jsonl" }
            .SelectMany(name => File.ReadLines(Path.Combine(RepoPaths.Datasets, "claims", name)))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!)
            .ToList();
        return string.Concat(Enumerable.Range(0, count).Select(i => "- " + texts[i % texts.Count] + "\n"));
    }
}
