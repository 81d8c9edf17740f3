using Microsoft.Data.Analysis;
using PerfNotebooks.Display;

namespace PerfNotebooks.Tests.Display;

public class DataFrameViewTests
{
    private static DataFrame Frame(int rows)
    {
        var latency = new DoubleDataFrameColumn("latency_ms", Enumerable.Range(0, rows).Select(i => i * 1.5 + 1000));
        var count = new Int64DataFrameColumn("requests", Enumerable.Range(0, rows).Select(i => (long)i * 1000));
        var name = new StringDataFrameColumn("endpoint", Enumerable.Range(0, rows).Select(i => "/orders/" + i));
        return new DataFrame(latency, count, name);
    }

    [Fact]
    public void ToHtml_shows_head_and_tail_and_says_showing_n_of_m_for_a_million_rows()
    {
        var html = DataFrameView.ToHtml(Frame(1_000_000));

        Assert.Contains("showing 15 of 1,000,000 rows", html);
        Assert.Contains("/orders/9<", html);
        Assert.Contains("/orders/999999<", html);
        Assert.DoesNotContain("/orders/10<", html);
        Assert.Contains("999,985 rows", html);
    }

    [Fact]
    public void ToHtml_header_names_each_column_type()
    {
        var html = DataFrameView.ToHtml(Frame(3));

        Assert.Contains("latency_ms<br><span class=\"type\">double</span>", html);
        Assert.Contains("requests<br><span class=\"type\">long</span>", html);
        Assert.Contains("endpoint<br><span class=\"type\">string</span>", html);
    }

    [Fact]
    public void ToHtml_right_aligns_numbers_with_thousands_separators()
    {
        var html = DataFrameView.ToHtml(Frame(3));

        Assert.Contains("<td class=\"num\">2,000</td>", html);
        Assert.Contains("<td class=\"num\">1,001.5</td>", html);
        Assert.Contains("<td>/orders/1</td>", html);
    }

    [Fact]
    public void ToHtml_shows_all_rows_of_a_short_frame_without_saying_showing()
    {
        var html = DataFrameView.ToHtml(Frame(4));

        Assert.Contains("4 rows × 3 columns", html);
        Assert.DoesNotContain("showing", html);
    }

    [Fact]
    public void ToHtml_escapes_text_and_marks_nulls()
    {
        var text = new StringDataFrameColumn("note", ["<script>alert(1)</script>", null]);
        var html = DataFrameView.ToHtml(new DataFrame(text));

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("<span class=\"null\">null</span>", html);
    }

    [Fact]
    public void ToText_aligns_columns_and_ends_with_the_row_count()
    {
        var text = DataFrameView.ToText(Frame(100));
        var lines = text.Split('\n');

        Assert.StartsWith("    latency_ms  requests  endpoint", lines[0]);
        Assert.Contains("...", lines);
        Assert.Equal("showing 15 of 100 rows × 3 columns", lines[^1]);
        Assert.Equal(lines[2].IndexOf("1,000", StringComparison.Ordinal) + 5, lines[0].IndexOf("latency_ms", StringComparison.Ordinal) + 10);
    }

    [Fact]
    public void ToCsv_quotes_commas_and_quotes_and_keeps_full_precision()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("name", ["a,b", "say \"hi\""]),
            new DoubleDataFrameColumn("value", [0.1 + 0.2, 12345.678]));

        var csv = DataFrameView.ToCsv(frame);

        Assert.Equal("name,value\n\"a,b\",0.30000000000000004\n\"say \"\"hi\"\"\",12345.678\n", csv);
    }

    [Fact]
    public void ToCsv_stops_at_the_row_limit()
    {
        var csv = DataFrameView.ToCsv(Frame(50), maxRows: 10);

        Assert.Equal(11, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(1234567.891, "1,234,567.89")]
    [InlineData(0.000123456, "0.0001235")]
    [InlineData(0.00001234, "1.234e-5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(42.0, "42")]
    public void FormatValue_formats_doubles_for_reading(double value, string expected) =>
        Assert.Equal(expected, DataFrameView.FormatValue(value));
}
