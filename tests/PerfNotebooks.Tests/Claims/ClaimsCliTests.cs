using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Claims;

public sealed class ClaimsCliTests : IClassFixture<ResumeFiles>
{
    private readonly ResumeFiles files;

    public ClaimsCliTests(ResumeFiles files) => this.files = files;

    [Fact]
    public async Task Analyze_json_prints_one_array_with_the_documented_fields()
    {
        var path = files.Write("cli.txt", "- Reduced p99 latency by 62% from 2.4s to 120ms\n");

        var result = await CliRunner.Run("claims", "analyze", path, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var claim = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        Assert.Equal(path, claim.GetProperty("file").GetString());
        Assert.Equal(1, claim.GetProperty("line").GetInt32());
        Assert.Equal("Reduced p99 latency by 62% from 2.4s to 120ms", claim.GetProperty("text").GetString());
        Assert.True(claim.GetProperty("quantified").GetBoolean());
        Assert.False(claim.TryGetProperty("vague", out _));
        Assert.Equal("latency", claim.GetProperty("metric").GetString());
        Assert.False(claim.GetProperty("consistent").GetBoolean());
        var repro = claim.GetProperty("reproducibility");
        Assert.True(repro.GetProperty("baseline").GetBoolean());
        Assert.True(repro.GetProperty("percentile").GetBoolean());
        Assert.Equal(2, repro.GetProperty("score").GetInt32());
        Assert.Equal(3, claim.GetProperty("values").GetArrayLength());
        Assert.NotEqual(0, claim.GetProperty("flags").GetArrayLength());
    }

    [Fact]
    public async Task Analyze_json_leaves_out_fields_at_their_defaults()
    {
        var path = files.Write("compact.txt", "- Led a team of 8 engineers\n");

        var result = await CliRunner.Run("claims", "analyze", path, "--format", "json");

        using var doc = JsonDocument.Parse(result.Stdout);
        var claim = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        var names = claim.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["file", "line", "text", "quantified", "values"], names);
        Assert.DoesNotContain("null", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_json_with_all_fields_writes_every_field()
    {
        var path = files.Write("full.txt", "- Led a team of 8 engineers\n");

        var result = await CliRunner.Run("claims", "analyze", path, "--format", "json", "--all-fields");

        using var doc = JsonDocument.Parse(result.Stdout);
        var claim = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("metric").ValueKind);
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("consistent").ValueKind);
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("rewrite").ValueKind);
        Assert.False(claim.GetProperty("vague").GetBoolean());
        Assert.True(claim.GetProperty("plausible").GetBoolean());
        Assert.Equal(0, claim.GetProperty("reproducibility").GetProperty("score").GetInt32());
        Assert.Equal(0, claim.GetProperty("flags").GetArrayLength());
    }

    [Fact]
    public async Task Analyze_keeps_the_input_order_across_batches()
    {
        // More lines than one batch (and many slices analysed on different cores): rows must come out in order.
        var lines = Enumerable.Range(1, 5000).Select(i => i % 2 == 0 ? $"Cut p99 from {i} ms to {i / 2} ms" : $"Led a team of {i} engineers");
        var path = files.Write("many.txt", string.Join('\n', lines) + "\n");

        var result = await CliRunner.Run("claims", "analyze", path, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Stdout.TrimEnd('\n').Split('\n').Skip(1).ToList();
        Assert.Equal(Enumerable.Range(1, 5000), rows.Select(r => int.Parse(r.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Cut p99 from 5000 ms to 2500 ms,true", rows[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_stops_being_utf8_keeps_the_rows_before_it_and_fails()
    {
        var good = string.Concat(Enumerable.Range(1, 9000).Select(i => $"Cut p99 from {i + 10} ms to 10 ms\n"));
        var path = files.WriteBytes("late-bad.txt", [.. System.Text.Encoding.ASCII.GetBytes(good), 0xC3, 0x28, 0x0A]);

        var result = await CliRunner.Run("claims", "analyze", path, "--format", "csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not valid UTF-8", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"offset {good.Length}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("late-bad.txt,1000,", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_reads_all_four_formats_in_one_run()
    {
        var txt = files.Write("four.txt", "Cut p99 from 2.4s to 120ms\n");
        var md = files.Write("four.md", "- Cut p99 from 2.4s to 120ms\n");

        var result = await CliRunner.Run("claims", "analyze", txt, md, files.Docx, files.TwoColumnPdf, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var fileNames = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("file").GetString()).Distinct().Count();
        Assert.Equal(4, fileNames);
    }

    [Fact]
    public async Task Bad_file_is_one_error_line_and_the_other_files_are_still_analyzed()
    {
        var good = files.Write("good.txt", "Cut p99 from 2.4s to 120ms\n");
        var bad = files.WriteBytes("bad.txt", [0xFF, 0xFE, 0x00, 0x01]);
        var missing = Path.Combine(files.Folder, "missing.md");

        var result = await CliRunner.Run("claims", "analyze", bad, good, missing, "--format", "csv");

        Assert.Equal(1, result.ExitCode);
        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.Contains("bad.txt", errors[0], StringComparison.Ordinal);
        Assert.Contains("missing.md", errors[1], StringComparison.Ordinal);
        Assert.Contains("good.txt,1,Cut p99 from 2.4s to 120ms,true", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_format_is_bad_usage()
    {
        var result = await CliRunner.Run("claims", "analyze", "x.txt", "--format", "xml");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Analyze_without_files_is_bad_usage()
    {
        var result = await CliRunner.Run("claims", "analyze");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Corpus_writes_the_requested_number_of_bullets()
    {
        var path = Path.Combine(files.Folder, "corpus.txt");

        var result = await CliRunner.Run("claims", "corpus", "--bullets", "500", "--out", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(500, File.ReadAllLines(path).Length);
    }

    [Fact]
    public async Task Explain_shows_the_values_and_their_roles()
    {
        var result = await CliRunner.Run("claims", "explain", "Cut p99 from 2.4s to 120ms at 5k RPS");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("role=Before", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("role=Workload", result.Stdout, StringComparison.Ordinal);
    }
}
