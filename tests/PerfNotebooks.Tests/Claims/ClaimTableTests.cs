using Microsoft.Data.Analysis;
using PerfNotebooks.Claims;
using PerfNotebooks.Tests.Fixtures;
using ClaimsApi = PerfNotebooks.Claims.Claims;

namespace PerfNotebooks.Tests.Claims;

public sealed class ClaimTableTests : IClassFixture<ResumeFiles>
{
    private const string Resume = "• Reduced p99 latency by 62% from 2.4s to 120ms\n• Optimized API performance\n• Led a team of 8 engineers\n";

    private readonly ResumeFiles files;

    public ClaimTableTests(ResumeFiles files) => this.files = files;

    [Fact]
    public void ToDataFrame_has_one_row_per_bullet_and_the_documented_columns()
    {
        var frame = ClaimTable.FromText(Resume).ToDataFrame();

        Assert.Equal(3, frame.Rows.Count);
        Assert.Equal(
            ["file", "line", "text", "quantified", "vague", "metric", "consistent", "baseline", "percentile", "workload", "hardware", "tool", "score", "plausible", "values", "flags"],
            frame.Columns.Select(c => c.Name));
    }

    [Fact]
    public void ToDataFrame_keeps_null_for_unknown_consistency_and_metric()
    {
        var frame = ClaimTable.FromText(Resume).ToDataFrame();

        Assert.Equal(false, frame["consistent"][0]);
        Assert.Null(frame["consistent"][1]);
        Assert.Null(frame["metric"][2]);
    }

    [Fact]
    public void ByMetric_counts_claims_per_metric()
    {
        var byMetric = ClaimTable.FromText(Resume).ByMetric();

        var metrics = ((StringDataFrameColumn)byMetric["metric"]).ToList();
        Assert.Equal(["latency", "other"], metrics);
        Assert.Equal(1, byMetric["inconsistent"][0]);
        Assert.Equal(1, byMetric["vague"][1]);
    }

    [Fact]
    public void Filters_select_quantified_vague_and_inconsistent_rows()
    {
        var table = ClaimTable.FromText(Resume);

        Assert.Single(table.Quantified);
        Assert.Single(table.Vague);
        Assert.Equal(1, Assert.Single(table.Inconsistent).Line);
    }

    [Fact]
    public void Analyze_takes_text_or_a_path()
    {
        var path = files.Write("one.txt", Resume);

        var fromPath = ClaimsApi.Analyze(path);
        var fromText = ClaimsApi.Analyze(Resume);

        Assert.Equal(fromText.Select(c => c.Text), fromPath.Select(c => c.Text));
        Assert.Equal(path, fromPath[0].File);
        Assert.Equal("text", fromText[0].File);
    }

    [Fact]
    public void Analyze_of_a_missing_file_name_is_bad_input_not_a_one_line_resume()
    {
        Assert.Throws<BadInputException>(() => ClaimsApi.Analyze("missing-resume.pdf"));
    }

    [Fact]
    public void FromFolder_reads_every_format_and_lists_failures_without_stopping()
    {
        var folder = Directory.CreateDirectory(Path.Combine(files.Folder, "batch")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.txt"), Resume);
        File.Copy(files.Docx, Path.Combine(folder, "b.docx"));
        File.Copy(files.TwoColumnPdf, Path.Combine(folder, "c.pdf"));
        File.WriteAllText(Path.Combine(folder, "d.pdf"), "not a pdf");

        var table = ClaimTable.FromFolder(folder);

        Assert.Equal(3, table.Select(c => c.File).Distinct().Count());
        var failure = Assert.Single(table.Failures);
        Assert.EndsWith("d.pdf", failure.File, StringComparison.Ordinal);
    }

    [Fact]
    public void ByFile_gives_one_row_per_resume()
    {
        var table = ClaimTable.FromFolder(Path.Combine(RepoPaths.Datasets, "claims", "resumes"));

        var byFile = table.ByFile();

        Assert.Equal(table.Select(c => c.File).Distinct().Count(), (int)byFile.Rows.Count);
        Assert.True(byFile.Rows.Count >= 4);
    }

    [Fact]
    public void Csv_has_a_header_and_one_quoted_row_per_bullet()
    {
        var csv = ClaimTable.FromText(Resume).ToCsv().TrimEnd('\n').Split('\n');

        Assert.Equal(4, csv.Length);
        Assert.StartsWith("file,line,text,quantified", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("text,1,Reduced p99 latency by 62% from 2.4s to 120ms,true,false,latency,false,", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_renders_a_text_table()
    {
        var text = ClaimTable.FromText(Resume).ToString();

        Assert.Contains("quant latency", text, StringComparison.Ordinal);
        Assert.Contains("NO", text, StringComparison.Ordinal);
    }
}
