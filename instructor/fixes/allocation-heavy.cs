using System.Globalization;
using System.Text;

namespace PerfNotebooks.SampleServers.AllocationHeavy;

/// <summary>
/// GET /export/orders.csv?rows=500 answers with the first orders as UTF-8 CSV: a header line, then one line per
/// order sorted by id: id,user_id,amount (two decimals),status,created_at.
/// </summary>
internal static class OrdersCsv
{
    public const string Header = "id,user_id,amount,status,created_at\n";

    public static byte[] Format(IReadOnlyList<CsvRow> rows)
    {
        // One growing buffer instead of a new copy of the whole CSV per line; no per-row arrays or anonymous objects.
        var csv = new StringBuilder(Header, Header.Length + (rows.Count * 64));
        foreach (var r in rows.OrderBy(r => r.Id))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Id},{r.UserId},{r.AmountCents / 100m:0.00},{r.Status},{r.CreatedAt}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
