using System.Buffers;
using System.Globalization;
using System.Text;

namespace PerfNotebooks.SampleServers.AllocationHeavy;

internal sealed record CsvRow(long Id, long UserId, long AmountCents, string Status, string CreatedAt);

/// <summary>Formats orders as CSV: by string concatenation and LINQ (bug) or into one pooled UTF-8 buffer (fix).</summary>
internal static class OrdersCsv
{
    public const string Header = "id,user_id,amount,status,created_at\n";

    /// <summary>THE BUG: each `+=` copies the whole CSV so far: O(rows²) bytes of garbage, soon on the large-object heap.</summary>
    public static byte[] Concatenated(IReadOnlyList<CsvRow> rows)
    {
        var csv = Header;
        foreach (var line in rows.Select(r => new { r.Id, r.UserId, Amount = r.AmountCents / 100m, r.Status, r.CreatedAt })
                     .OrderBy(r => r.Id)
                     .Select(r => string.Join(",", new[] { r.Id.ToString(CultureInfo.InvariantCulture), r.UserId.ToString(CultureInfo.InvariantCulture), r.Amount.ToString("0.00", CultureInfo.InvariantCulture), r.Status, r.CreatedAt })))
        {
            csv += line + "\n";
        }

        return Encoding.UTF8.GetBytes(csv);
    }

    /// <summary>THE FIX: rows formatted straight into a rented UTF-8 buffer; the caller returns it to the pool.</summary>
    public static (byte[] Buffer, int Length) Pooled(IReadOnlyList<CsvRow> rows)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Header.Length + (rows.Count * 96));
        var length = Encoding.UTF8.GetBytes(Header, buffer);
        foreach (var r in rows)
        {
            var span = buffer.AsSpan(length);
            if (!System.Text.Unicode.Utf8.TryWrite(span, CultureInfo.InvariantCulture, $"{r.Id},{r.UserId},{r.AmountCents / 100m:0.00},", out var n))
            {
                throw new InvalidOperationException("CSV row longer than its budget");
            }

            length += n;
            length += Encoding.UTF8.GetBytes(r.Status, buffer.AsSpan(length));
            buffer[length++] = (byte)',';
            length += Encoding.UTF8.GetBytes(r.CreatedAt, buffer.AsSpan(length));
            buffer[length++] = (byte)'\n';
        }

        return (buffer, length);
    }
}
