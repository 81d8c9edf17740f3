using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PerfNotebooks.Load;

/// <summary>Results of <see cref="Bench"/>: one <see cref="BenchResult"/> per command, warnings, hyperfine-style summary and JSON.</summary>
public sealed class BenchReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal BenchReport(IReadOnlyList<BenchResult> results)
    {
        Results = results;
        Warnings = [.. results.SelectMany(WarningsFor)];
    }

    public IReadOnlyList<BenchResult> Results { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Fastest command and how many times faster it ran than each other one (ratio ± propagated error).</summary>
    public string Summary
    {
        get
        {
            if (Results.Count < 2)
            {
                return "";
            }

            var fastest = Results.MinBy(r => r.Mean)!;
            var sb = new StringBuilder().Append(Invariant, $"'{fastest.Command}' ran\n");
            foreach (var other in Results.Where(r => !ReferenceEquals(r, fastest)))
            {
                var ratio = other.Mean / fastest.Mean;
                var error = ratio * Math.Sqrt(Math.Pow((other.Stddev ?? 0) / other.Mean, 2) + Math.Pow((fastest.Stddev ?? 0) / fastest.Mean, 2));
                sb.Append(Invariant, $"  {ratio:0.00} ± {error:0.00} times faster than '{other.Command}'\n");
            }

            return sb.ToString();
        }
    }

    /// <summary>
    /// Whether command <paramref name="after"/> ran significantly faster or slower than command <paramref name="before"/>
    /// (indices into <see cref="Results"/>): Hodges–Lehmann shift of the run times in seconds, Mann–Whitney p-value,
    /// and "no significant change" when the runs cannot tell them apart.
    /// </summary>
    public MetricShift Compare(int before = 0, int after = 1)
    {
        if (before < 0 || before >= Results.Count || after < 0 || after >= Results.Count || before == after)
        {
            throw new BadInputException($"Compare({before}, {after}) needs two different command indices below {Results.Count}; benchmark both commands in one Bench.Commands call.");
        }

        if (Results[before].Times.Count < 2 || Results[after].Times.Count < 2)
        {
            throw new BadInputException("comparing needs at least 2 runs per command; use runs: 10 or more.");
        }

        return LoadComparison.Measure("time", "s", lowerIsBetter: true, [.. Results[before].Times], [.. Results[after].Times]);
    }

    /// <summary>hyperfine's --export-json schema: {"results":[{"command","mean","stddev","median","user","system","min","max","times","exit_codes"}]}.</summary>
    public string ToHyperfineJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("results");
            foreach (var r in Results)
            {
                w.WriteStartObject();
                w.WriteString("command", r.Command);
                w.WriteNumber("mean", r.Mean);
                if (r.Stddev is { } sd)
                {
                    w.WriteNumber("stddev", sd);
                }
                else
                {
                    w.WriteNull("stddev");
                }

                w.WriteNumber("median", r.Median);
                w.WriteNumber("user", r.User);
                w.WriteNumber("system", r.System);
                w.WriteNumber("min", r.Min);
                w.WriteNumber("max", r.Max);
                w.WriteStartArray("times");
                foreach (var t in r.Times)
                {
                    w.WriteNumberValue(t);
                }

                w.WriteEndArray();
                w.WriteStartArray("exit_codes");
                foreach (var c in r.ExitCodes)
                {
                    w.WriteNumberValue(c);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads hyperfine's own --export-json output, so its numbers can sit next to ours.</summary>
    public static BenchReport FromHyperfineJson(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var results = doc.RootElement.GetProperty("results").EnumerateArray().Select(r => new BenchResult(
                r.GetProperty("command").GetString() ?? "",
                r.GetProperty("mean").GetDouble(),
                r.TryGetProperty("stddev", out var sd) && sd.ValueKind == JsonValueKind.Number ? sd.GetDouble() : null,
                r.GetProperty("median").GetDouble(),
                r.GetProperty("user").GetDouble(),
                r.GetProperty("system").GetDouble(),
                r.GetProperty("min").GetDouble(),
                r.GetProperty("max").GetDouble(),
                [.. r.GetProperty("times").EnumerateArray().Select(t => t.GetDouble())],
                r.TryGetProperty("exit_codes", out var codes) ? [.. codes.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.Number ? c.GetInt32() : -1)] : [])).ToList();
            return new BenchReport(results);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new BadInputException($"not hyperfine JSON ({e.Message}); pass the file written by hyperfine --export-json.", e);
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var r in Results)
        {
            sb.Append(Invariant, $"Benchmark: {r.Command}\n");
            sb.Append(Invariant, $"  Time (mean ± σ):   {Format(r.Mean)} ± {Format(r.Stddev ?? 0)}    [User: {Format(r.User)}, System: {Format(r.System)}]\n");
            sb.Append(Invariant, $"  Range (min … max): {Format(r.Min)} … {Format(r.Max)}    {r.Times.Count} runs\n\n");
        }

        foreach (var w in Warnings)
        {
            sb.Append("  Warning: ").Append(w).Append('\n');
        }

        sb.Append(Summary);
        return sb.ToString();
    }

    private static string Format(double seconds) =>
        seconds < 1 ? string.Create(Invariant, $"{seconds * 1000:0.0} ms") : string.Create(Invariant, $"{seconds:0.000} s");

    private static IEnumerable<string> WarningsFor(BenchResult r)
    {
        var failed = r.ExitCodes.Where(c => c != 0).Distinct().ToList();
        if (failed.Count > 0)
        {
            yield return $"'{r.Command}' exited with code {string.Join(", ", failed)} in {r.ExitCodes.Count(c => c != 0)} of {r.ExitCodes.Count} runs; its timings may measure a failure.";
        }

        // Modified z-score (median/MAD based): robust to the very outliers it looks for.
        var median = r.Median;
        var mad = Median.Of(r.Times.Select(t => Math.Abs(t - median)));
        if (mad > 0 && r.Times.Any(t => Math.Abs(0.6745 * (t - median) / mad) > 14.826))
        {
            yield return $"'{r.Command}': statistical outliers were detected; other programs or caching may disturb the runs. Use more warm-up runs or a quieter machine.";
        }
    }
}
