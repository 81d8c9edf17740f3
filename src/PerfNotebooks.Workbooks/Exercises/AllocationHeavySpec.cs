using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>
/// GET /export/orders.csv?rows=...: byte for byte the reference's CSV, allocating about what the reference does per
/// export. Bytes come from the server's own histogram on /metrics (the thread's allocation counter around the
/// formatting), so the check works where the X-Allocated-Bytes header is hidden (interviews).
/// </summary>
internal sealed partial class AllocationHeavySpec : ExerciseSpec
{
    private const int MaxRows = 5000;
    private const int MeasuredRows = 2000;
    private const int MeasuredRequests = 3;

    public override string Scenario => "allocation-heavy";

    public override IEnumerable<string> Inputs(Random random)
    {
        foreach (var rows in new[] { 1, 2, 3, 10, 99, 500, MaxRows })
        {
            yield return Export(rows);
        }

        yield return "/export/orders.csv";                 // the default number of rows
        yield return "/export/orders.csv?rows=0";          // refused, as the reference refuses it
        yield return Export(MaxRows + 1);
        yield return "/export/orders.csv?rows=ten";
        for (var i = 0; i < 12; i++)
        {
            yield return Export(random.Next(1, 1500));
        }
    }

    public override async Task<(bool Fast, string Detail)> Performance(ExerciseProbe probe, CancellationToken ct)
    {
        var yours = await BytesPerExport(probe, reference: false, ct);
        var theirs = await BytesPerExport(probe, reference: true, ct);
        var bound = Math.Max(3 * theirs, theirs + 256 * 1024);
        return (yours <= bound, string.Create(CultureInfo.InvariantCulture,
            $"{yours / 1e6:0.00} MB allocated per export of {MeasuredRows:N0} rows, reference {theirs / 1e6:0.00} MB (bound {bound / 1e6:0.00} MB: within 3x, or 256 KB, of the reference)"));
    }

    /// <summary>The mean bytes the histogram gained per request over a few exports, one at a time.</summary>
    private static async Task<double> BytesPerExport(ExerciseProbe probe, bool reference, CancellationToken ct)
    {
        var (sumBefore, countBefore) = Histogram(await probe.Server.Metrics(ct));
        for (var i = 0; i < MeasuredRequests; i++)
        {
            var answer = await probe.Get(Export(MeasuredRows), reference, ct);
            if (answer.Status != 200)
            {
                throw new WorkFailedException($"GET {Export(MeasuredRows)} answered {answer.Status} from {(reference ? "the reference" : "yours")} while measuring allocations: {answer.Body}");
            }
        }

        var (sumAfter, countAfter) = Histogram(await probe.Server.Metrics(ct));
        return countAfter > countBefore
            ? (sumAfter - sumBefore) / (countAfter - countBefore)
            : throw new WorkFailedException("the server's /metrics did not count the exports (perfnb_allocated_bytes_per_request); is this the allocation-heavy server?");
    }

    private static (double Sum, double Count) Histogram(string metrics) =>
        (Value(metrics, "perfnb_allocated_bytes_per_request_sum"), Value(metrics, "perfnb_allocated_bytes_per_request_count"));

    private static double Value(string metrics, string name) =>
        MetricLine().Matches(metrics).FirstOrDefault(m => m.Groups["name"].Value == name) is { } line
            ? double.Parse(line.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)
            : 0;

    private static string Export(int rows) => "/export/orders.csv?rows=" + rows.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<name>[a-z_]+) (?<value>[0-9.eE+-]+)$", RegexOptions.Multiline)]
    private static partial Regex MetricLine();
}
