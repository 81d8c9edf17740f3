using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace PerfNotebooks.Display;

/// <summary>
/// Renders a DataFrame for people: the first and last rows only (so a million-row frame costs the same as a
/// ten-row one), a header with column types, right-aligned formatted numbers and a "showing N of M rows" line.
/// </summary>
public static class DataFrameView
{
    /// <summary>Rows shown from the top of a long frame.</summary>
    public const int DefaultHead = 10;

    /// <summary>Rows shown from the bottom of a long frame.</summary>
    public const int DefaultTail = 5;

    /// <summary>Most rows the <c>text/csv</c> alternative carries; beyond this it holds the first rows only.</summary>
    public const int CsvRowLimit = 10_000;

    /// <summary>All three representations a notebook stores for a frame.</summary>
    public static IReadOnlyDictionary<string, string> ToMime(DataFrame frame) => new Dictionary<string, string>
    {
        [MimeTypes.Html] = ToHtml(frame),
        [MimeTypes.PlainText] = ToText(frame),
        [MimeTypes.Csv] = ToCsv(frame),
    };

    public static string ToHtml(DataFrame frame, int head = DefaultHead, int tail = DefaultTail)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var rows = ShownRows(frame.Rows.Count, head, tail);
        var columns = frame.Columns;
        var numeric = columns.Select(IsNumeric).ToArray();
        var html = new StringBuilder(1024 + (rows.Count * columns.Count * 40));
        html.Append("<div class=\"perfnb-frame\"><style>")
            .Append(".perfnb-frame table{border-collapse:collapse;font:13px/1.4 system-ui,sans-serif}")
            .Append(".perfnb-frame th,.perfnb-frame td{padding:2px 8px;border-bottom:1px solid #ddd}")
            .Append(".perfnb-frame th{text-align:left;vertical-align:bottom}.perfnb-frame .num{text-align:right;font-variant-numeric:tabular-nums}")
            .Append(".perfnb-frame .type{font-weight:normal;color:#888;font-size:11px}.perfnb-frame .gap td{text-align:center;color:#888}")
            .Append(".perfnb-frame .null{color:#aaa;font-style:italic}.perfnb-frame caption{caption-side:bottom;text-align:left;color:#666;padding-top:4px}")
            .Append("</style><table><thead><tr><th class=\"num\"></th>");
        for (var c = 0; c < columns.Count; c++)
        {
            html.Append(numeric[c] ? "<th class=\"num\">" : "<th>")
                .Append(WebUtility.HtmlEncode(columns[c].Name))
                .Append("<br><span class=\"type\">").Append(TypeName(columns[c].DataType)).Append("</span></th>");
        }

        html.Append("</tr></thead><tbody>");
        long previous = -1;
        foreach (var row in rows)
        {
            if (previous >= 0 && row != previous + 1)
            {
                html.Append("<tr class=\"gap\"><td colspan=\"").Append(columns.Count + 1).Append("\">… ")
                    .Append(Count(row - previous - 1)).Append(" rows …</td></tr>");
            }

            html.Append("<tr><td class=\"num type\">").Append(row.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c][row];
                html.Append(numeric[c] ? "<td class=\"num\">" : "<td>");
                if (value is null)
                {
                    html.Append("<span class=\"null\">null</span>");
                }
                else
                {
                    html.Append(WebUtility.HtmlEncode(FormatValue(value)));
                }

                html.Append("</td>");
            }

            html.Append("</tr>");
            previous = row;
        }

        html.Append("</tbody><caption>").Append(Summary(frame, rows.Count)).Append("</caption></table></div>");
        return html.ToString();
    }

    public static string ToText(DataFrame frame, int head = DefaultHead, int tail = DefaultTail)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var rows = ShownRows(frame.Rows.Count, head, tail);
        var columns = frame.Columns;
        var numeric = columns.Select(IsNumeric).ToArray();
        var cells = new List<string[]>(rows.Count + 2)
        {
            columns.Select(c => c.Name).Prepend("").ToArray(),
            columns.Select(c => TypeName(c.DataType)).Prepend("").ToArray(),
        };
        var gapsBefore = new HashSet<int>();
        long previous = -1;
        foreach (var row in rows)
        {
            if (previous >= 0 && row != previous + 1)
            {
                gapsBefore.Add(cells.Count);
            }

            var line = new string[columns.Count + 1];
            line[0] = row.ToString(CultureInfo.InvariantCulture);
            for (var c = 0; c < columns.Count; c++)
            {
                line[c + 1] = columns[c][row] is { } value ? FormatValue(value) : "null";
            }

            cells.Add(line);
            previous = row;
        }

        var widths = new int[columns.Count + 1];
        foreach (var line in cells)
        {
            for (var c = 0; c < line.Length; c++)
            {
                widths[c] = Math.Max(widths[c], line[c].Length);
            }
        }

        var text = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (gapsBefore.Contains(i))
            {
                text.Append("...").Append('\n');
            }

            var line = cells[i];
            for (var c = 0; c < line.Length; c++)
            {
                var rightAlign = c == 0 || numeric[c - 1];
                text.Append(rightAlign ? line[c].PadLeft(widths[c]) : line[c].PadRight(widths[c]));
                text.Append(c + 1 < line.Length ? "  " : "");
            }

            text.Append('\n');
        }

        text.Append(Summary(frame, rows.Count));
        return text.ToString();
    }

    /// <summary>RFC 4180 CSV of the first <paramref name="maxRows"/> rows, invariant culture, round-trippable numbers.</summary>
    public static string ToCsv(DataFrame frame, int maxRows = CsvRowLimit)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = frame.Columns;
        var count = Math.Min(frame.Rows.Count, Math.Max(0, maxRows));
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(c => CsvField(c.Name))).Append('\n');
        for (long row = 0; row < count; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    csv.Append(',');
                }

                if (columns[c][row] is { } value)
                {
                    csv.Append(CsvField(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                }
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>Indices of the rows shown: all of a short frame, otherwise head then tail.</summary>
    internal static IReadOnlyList<long> ShownRows(long rowCount, int head, int tail)
    {
        head = Math.Max(0, head);
        tail = Math.Max(0, tail);
        if (rowCount <= head + tail)
        {
            return Enumerable.Range(0, (int)rowCount).Select(i => (long)i).ToArray();
        }

        var rows = new List<long>(head + tail);
        for (long i = 0; i < head; i++)
        {
            rows.Add(i);
        }

        for (var i = rowCount - tail; i < rowCount; i++)
        {
            rows.Add(i);
        }

        return rows;
    }

    internal static string FormatValue(object value) => value switch
    {
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        decimal m => m.ToString("#,0.####", CultureInfo.InvariantCulture),
        long or int or short or sbyte or ulong or uint or ushort or byte =>
            Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss.FFF", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string FormatDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return d.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(d);
        // Thousands separators for big values, a fixed few significant digits for small ones, exponent for extremes.
        return magnitude switch
        {
            0 => "0",
            >= 1e15 or < 1e-4 => d.ToString("0.###e+0", CultureInfo.InvariantCulture),
            >= 100 => d.ToString("#,0.##", CultureInfo.InvariantCulture),
            >= 1 => d.ToString("#,0.###", CultureInfo.InvariantCulture),
            _ => d.ToString("G4", CultureInfo.InvariantCulture),
        };
    }

    private static bool IsNumeric(DataFrameColumn column) =>
        column.DataType == typeof(double) || column.DataType == typeof(float) || column.DataType == typeof(decimal) ||
        column.DataType == typeof(long) || column.DataType == typeof(int) || column.DataType == typeof(short) ||
        column.DataType == typeof(ulong) || column.DataType == typeof(uint) || column.DataType == typeof(ushort) ||
        column.DataType == typeof(byte) || column.DataType == typeof(sbyte);

    internal static string TypeName(Type type) => type switch
    {
        _ when type == typeof(double) => "double",
        _ when type == typeof(float) => "float",
        _ when type == typeof(decimal) => "decimal",
        _ when type == typeof(long) => "long",
        _ when type == typeof(int) => "int",
        _ when type == typeof(short) => "short",
        _ when type == typeof(byte) => "byte",
        _ when type == typeof(sbyte) => "sbyte",
        _ when type == typeof(ulong) => "ulong",
        _ when type == typeof(uint) => "uint",
        _ when type == typeof(ushort) => "ushort",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(string) => "string",
        _ when type == typeof(char) => "char",
        _ when type == typeof(DateTime) => "DateTime",
        _ => type.Name,
    };

    private static string Summary(DataFrame frame, int shown)
    {
        var total = frame.Rows.Count;
        var rows = shown == total
            ? Count(total) + (total == 1 ? " row" : " rows")
            : "showing " + Count(shown) + " of " + Count(total) + " rows";
        return rows + " × " + Count(frame.Columns.Count) + (frame.Columns.Count == 1 ? " column" : " columns");
    }

    private static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
