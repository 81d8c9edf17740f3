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
        var csv = Header;
        foreach (var line in rows.Select(r => new { r.Id, r.UserId, Amount = r.AmountCents / 100m, r.Status, r.CreatedAt })
                     .OrderBy(r => r.Id)
                     .Select(r => string.Join(",", new[] { r.Id.ToString(CultureInfo.InvariantCulture), r.UserId.ToString(CultureInfo.InvariantCulture), r.Amount.ToString("0.00", CultureInfo.InvariantCulture), r.Status, r.CreatedAt })))
        {
            csv += line + "\n";
        }

        return Encoding.UTF8.GetBytes(csv);
    }
}
