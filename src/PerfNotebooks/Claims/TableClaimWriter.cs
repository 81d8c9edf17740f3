using System.Globalization;
using System.Text;

namespace PerfNotebooks.Claims;

/// <summary>A fixed-width text table: file:line, Q(uantified)/V(ague), metric, consistency, score, text.</summary>
internal sealed class TableClaimWriter : ClaimWriter
{
    private readonly StreamWriter writer;

    public TableClaimWriter(Stream output)
    {
        writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{"file:line",-24} {"kind",-5} {"metric",-11} {"cons",-5} {"score",5}  text\n"));
    }

    public override void Write(Claim c)
    {
        var where = $"{Path.GetFileName(c.File)}:{c.Line}";
        var kind = c.Quantified ? "quant" : c.Vague ? "vague" : "-";
        var cons = c.Consistent switch { true => "yes", false => "NO", null => "-" };
        var score = c.Quantified ? $"{c.Score}/5" : "";
        var text = c.Text.Length > 90 ? c.Text[..87] + "..." : c.Text;
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Truncate(where, 24),-24} {kind,-5} {c.Metric ?? "-",-11} {cons,-5} {score,5}  {text}\n"));
    }

    public override void Finish() => writer.Flush();

    public override void Dispose() => writer.Dispose();

    private static string Truncate(string s, int width) => s.Length <= width ? s : "..." + s[^(width - 3)..];
}
