using System.Globalization;
using System.Reflection;

namespace PerfNotebooks.Claims;

/// <summary>
/// One row of datasets/claims/reference-ranges.csv: a named check, its limit in base units, the reason shown to
/// the reader and where the limit comes from. The CSV is embedded so the library needs no files at run time.
/// </summary>
internal sealed record ReferenceRange(string Check, double Limit, string Unit, string Reason, string Source)
{
    private static readonly Lazy<IReadOnlyDictionary<string, ReferenceRange>> Table = new(Load);

    public static IReadOnlyDictionary<string, ReferenceRange> All => Table.Value;

    public static ReferenceRange Get(string check) =>
        All.TryGetValue(check, out var range) ? range : throw new InvalidOperationException($"reference-ranges.csv has no '{check}' row.");

    private static Dictionary<string, ReferenceRange> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PerfNotebooks.Claims.reference-ranges.csv")
            ?? throw new InvalidOperationException("The reference-ranges.csv resource is missing from the PerfNotebooks assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    internal static Dictionary<string, ReferenceRange> Parse(string csv)
    {
        var rows = new Dictionary<string, ReferenceRange>(StringComparer.Ordinal);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Skip(1))
        {
            var fields = CsvFields.Split(line);
            if (fields.Count < 5)
            {
                continue;
            }

            rows[fields[0]] = new ReferenceRange(
                fields[0], double.Parse(fields[1], CultureInfo.InvariantCulture), fields[2], fields[3], fields[4]);
        }

        return rows;
    }
}
