namespace PerfNotebooks.Claims;

/// <summary>
/// Writes claims one at a time as they are analysed, so a corpus of any size streams through in flat memory.
/// <see cref="Finish"/> writes what closes the format (JSON's <c>]</c>) and flushes.
/// </summary>
internal abstract class ClaimWriter : IDisposable
{
    /// <summary>The output formats, as the CLI's --format names them.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "csv"];

    /// <summary>A writer for <paramref name="format"/> on <paramref name="output"/> (left open).</summary>
    /// <param name="allFields">JSON only: write every field of every claim, nulls and defaults included.</param>
    public static ClaimWriter For(string format, Stream output, bool allFields = false) => format switch
    {
        "json" => new JsonClaimWriter(output, allFields),
        "csv" => new CsvClaimWriter(output),
        "table" => new TableClaimWriter(output),
        _ => throw new BadInputException($"--format {format}: not a claims format; use table, json or csv."),
    };

    public abstract void Write(Claim claim);

    public abstract void Finish();

    public abstract void Dispose();

    /// <summary>The whole of <paramref name="claims"/> in <paramref name="format"/>, as a string.</summary>
    public static string Render(IEnumerable<Claim> claims, string format)
    {
        using var buffer = new MemoryStream();
        using (var writer = For(format, buffer))
        {
            foreach (var c in claims)
            {
                writer.Write(c);
            }

            writer.Finish();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
