using System.Globalization;
using System.Text;

namespace PerfNotebooks.SampleServers.AllocationHeavy;

// A learner's correct fix: rows sorted into an array, each field appended to one StringBuilder, no LINQ projection.
internal static class OrdersCsv
{
    public const string Header = "id,user_id,amount,status,created_at\n";

    public static byte[] Format(IReadOnlyList<CsvRow> rows)
    {
        var sorted = rows.ToArray();
        Array.Sort(sorted, (a, b) => a.Id.CompareTo(b.Id));
        var csv = new StringBuilder(Header);
        foreach (var r in sorted)
        {
            csv.Append(r.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(r.UserId.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append((r.AmountCents / 100m).ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Status).Append(',')
                .Append(r.CreatedAt).Append('\n');
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
