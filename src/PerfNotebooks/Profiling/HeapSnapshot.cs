using System.Globalization;
using System.Text;

namespace PerfNotebooks.Profiling;

/// <summary>
/// The live managed heap of a process by type, from an EventPipe GC heap dump (one induced full GC walks every
/// object and its references). Diff two snapshots to see what grew: <c>after.Diff(before)</c>.
/// </summary>
public sealed class HeapSnapshot
{
    internal HeapSnapshot(int pid, DateTimeOffset takenAt, IReadOnlyList<TypeSize> types)
    {
        Pid = pid;
        TakenAt = takenAt;
        Types = types;
    }

    public int Pid { get; }

    public DateTimeOffset TakenAt { get; }

    /// <summary>Types by bytes, largest first.</summary>
    public IReadOnlyList<TypeSize> Types { get; }

    public long TotalBytes => Types.Sum(t => t.Bytes);

    public long TotalObjects => Types.Sum(t => t.Count);

    /// <summary>What changed since <paramref name="before"/>: types by growth in bytes, largest growth first.</summary>
    public HeapDiff Diff(HeapSnapshot before) => HeapDiff.Between(before, this);

    public string ToTable(int top = 15)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"pid {Pid}: {TotalObjects:N0} objects, {TotalBytes / 1024.0 / 1024:F1} MB live");
        text.AppendLine(c, $"{"MB",9} {"objects",10}  type");
        foreach (var t in Types.Take(top))
        {
            text.AppendLine(c, $"{t.Bytes / 1024.0 / 1024,9:F2} {t.Count,10:N0}  {t.Type}");
        }

        return text.ToString();
    }

    public override string ToString() => ToTable();
}
