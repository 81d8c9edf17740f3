using System.Globalization;

namespace PerfNotebooks.Profiling.Backends;

/// <summary>
/// Names JIT frames perf could not: .NET maps its code twice (W^X, "/memfd:doublemapper"), so perf sees a file-backed
/// mapping, prints the offset in it, and never consults /tmp/perf-PID.map. The process's executable doublemapper
/// mappings (/proc/PID/maps, read while it runs) turn the offset back into the address the perf map lists.
/// </summary>
internal sealed class JitSymbols
{
    private readonly List<(ulong Start, ulong End, ulong Offset)> mappings;
    private readonly (ulong Start, ulong End, string Name)[] symbols;

    private JitSymbols(List<(ulong, ulong, ulong)> mappings, (ulong, ulong, string)[] symbols)
    {
        this.mappings = mappings;
        this.symbols = symbols;
    }

    public const string DoubleMapped = "/memfd:doublemapper";

    /// <summary>Reads the mappings and the perf map now; null when the process has no perf map.</summary>
    public static JitSymbols? Read(int pid)
    {
        var mapFile = Path.Combine("/tmp", $"perf-{pid}.map");
        if (!File.Exists(mapFile))
        {
            return null;
        }

        var mappings = new List<(ulong, ulong, ulong)>();
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/maps"))
            {
                // "7f2f19650000-7f2f19651000 r-xs 00000000 00:01 4900   /memfd:doublemapper (deleted)"
                var f = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                if (f.Length == 6 && f[1].Contains('x', StringComparison.Ordinal) && f[5].StartsWith(DoubleMapped, StringComparison.Ordinal))
                {
                    var range = f[0].Split('-');
                    mappings.Add((Hex(range[0]), Hex(range[1]), Hex(f[2])));
                }
            }
        }
        catch (IOException)
        {
            return null;
        }

        var symbols = new List<(ulong, ulong, string)>();
        foreach (var line in File.ReadLines(mapFile))
        {
            // "0x7f2f1a6a1860 395 void [Asm] Ns.Type::Method(args)[Tier]": start, size (hex), name.
            var f = line.Split(' ', 3);
            if (f.Length == 3 && ulong.TryParse(f[0].AsSpan(f[0].StartsWith("0x", StringComparison.Ordinal) ? 2 : 0), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start)
                && ulong.TryParse(f[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size))
            {
                symbols.Add((start, start + size, f[2]));
            }
        }

        return new JitSymbols(mappings, [.. symbols.OrderBy(s => s.Item1)]);
    }

    /// <summary>The perf-map name of the code at <paramref name="offset"/> in a doublemapper mapping, or null.</summary>
    public string? Name(ulong offset)
    {
        foreach (var (start, end, fileOffset) in mappings)
        {
            if (offset >= fileOffset && offset < fileOffset + (end - start))
            {
                var address = start + (offset - fileOffset);
                var at = Array.BinarySearch(symbols, (address, ulong.MaxValue, string.Empty), Comparer<(ulong Start, ulong End, string Name)>.Create((a, b) => a.Start.CompareTo(b.Start)));
                var index = at >= 0 ? at : ~at - 1;
                if (index >= 0 && address < symbols[index].End)
                {
                    return symbols[index].Name;
                }
            }
        }

        return null;
    }

    private static ulong Hex(string text) => ulong.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
