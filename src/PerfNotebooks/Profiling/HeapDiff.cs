using System.Globalization;
using System.Text;
using PerfNotebooks.Display;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Profiling;

/// <summary>The growth of each type between two heap snapshots, and which types hold the growing ones.</summary>
public sealed class HeapDiff : IHtmlRenderable
{
    private HeapDiff(IReadOnlyList<TypeGrowth> types, double seconds)
    {
        Types = types;
        Seconds = seconds;
    }

    /// <summary>Types by bytes gained, largest first (shrinking types last).</summary>
    public IReadOnlyList<TypeGrowth> Types { get; }

    public double Seconds { get; }

    public IEnumerable<TypeGrowth> Grew => Types.Where(t => t.BytesDelta > 0);

    internal static HeapDiff Between(HeapSnapshot before, HeapSnapshot after)
    {
        var old = before.Types.ToDictionary(t => t.Type, StringComparer.Ordinal);
        var now = after.Types.ToDictionary(t => t.Type, StringComparer.Ordinal);
        var growth = old.Keys.Union(now.Keys).Select(name =>
        {
            var b = old.GetValueOrDefault(name);
            var a = now.GetValueOrDefault(name);
            return new TypeGrowth(name, (a?.Count ?? 0) - (b?.Count ?? 0), (a?.Bytes ?? 0) - (b?.Bytes ?? 0), a?.Bytes ?? 0, a?.HeldBy ?? b?.HeldBy ?? []);
        });
        return new HeapDiff([.. growth.OrderByDescending(g => g.BytesDelta).ThenBy(g => g.Type, StringComparer.Ordinal)], (after.TakenAt - before.TakenAt).TotalSeconds);
    }

    public string ToTable(int top = 10)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"heap growth over {Seconds:F1} s");
        text.AppendLine(c, $"{"+MB",9} {"+objects",10}  type  (held by)");
        foreach (var t in Grew.Take(top))
        {
            var holders = t.HeldBy.Count == 0 ? string.Empty : $"  (held by {string.Join(", ", t.HeldBy)})";
            text.AppendLine(c, $"{t.BytesDelta / 1024.0 / 1024,9:F2} {t.CountDelta,10:N0}  {t.Type}{holders}");
        }

        return text.ToString();
    }

    public string ToHtml()
    {
        var html = new ResultHtml("Heap growth", FormattableString.Invariant($"over {Number(Seconds, "0.0")} s"));
        WriteTable(html, top: 10);
        return html.ToString();
    }

    /// <summary>The <paramref name="top"/> growing types; the rest are counted, never listed, so the output stays small.</summary>
    internal void WriteTable(ResultHtml html, int top)
    {
        var grew = Grew.Count();
        if (grew == 0)
        {
            html.Line(Cell.Muted("no type grew"));
            return;
        }

        html.Table(
            [Cell.FigureHeader("+MB"), Cell.FigureHeader("+objects"), "type", "held by"],
            Grew.Take(top).Select(t => (IReadOnlyList<Cell>)
            [
                Cell.Figure(t.BytesDelta / 1024.0 / 1024, "#,##0.00"),
                Cell.Figure(t.CountDelta, "+#,##0;-#,##0;0"),
                Cell.Code(t.Type),
                Cell.Muted(string.Join(", ", t.HeldBy.Take(3))),
            ]));
        if (grew > top)
        {
            html.Line(Cell.Muted(FormattableString.Invariant($"… {grew - top} more types grew; heap.ToTable(top: 50) lists more")));
        }
    }

    public override string ToString() => ToTable();
}

/// <summary>How much one type grew between two snapshots.</summary>
public sealed record TypeGrowth(string Type, long CountDelta, long BytesDelta, long BytesAfter, IReadOnlyList<string> HeldBy);
