using System.IO.Compression;
using Google.Protobuf;

namespace PerfNotebooks.Profiling.Formats;

/// <summary>
/// pprof's profile.proto (github.com/google/pprof/proto/profile.proto), gzipped as Go's net/http/pprof serves it.
/// Only the messages a CPU profile needs are read and written, by field number over Google.Protobuf's wire streams:
/// Profile{1 sample_type, 2 sample, 4 location, 5 function, 6 string_table, 10 duration_nanos, 11 period_type, 12 period},
/// Sample{1 location_id, 2 value}, Location{1 id, 4 line}, Line{1 function_id, 2 line}, Function{1 id, 2 name, 4 filename}.
/// </summary>
internal static class PprofFormat
{
    public static bool Looks(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    public static StackRecording Read(byte[] data, string source)
    {
        try
        {
            return Decode(Looks(data) ? Gunzip(data) : data);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidDataException or KeyNotFoundException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new BadInputException($"{source} is not a readable pprof profile ({e.Message}); pass a profile.proto (gzipped or not), e.g. from /debug/pprof/profile.", e);
        }
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    private static StackRecording Decode(byte[] data)
    {
        var strings = new List<string>();
        var sampleTypes = new List<long>();
        var samples = new List<(List<ulong> Locations, List<long> Values)>();
        var locations = new Dictionary<ulong, List<ulong>>();
        var functions = new Dictionary<ulong, (long Name, long File)>();
        long durationNanos = 0, period = 0;
        var input = new CodedInputStream(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    sampleTypes.Add(ReadValueType(input.ReadBytes()));
                    break;
                case 2:
                    samples.Add(ReadSample(input.ReadBytes()));
                    break;
                case 4:
                    var (id, lines) = ReadLocation(input.ReadBytes());
                    locations[id] = lines;
                    break;
                case 5:
                    var (fid, name, file) = ReadFunction(input.ReadBytes());
                    functions[fid] = (name, file);
                    break;
                case 6:
                    strings.Add(input.ReadString());
                    break;
                case 10:
                    durationNanos = input.ReadInt64();
                    break;
                case 12:
                    period = input.ReadInt64();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (strings.Count == 0)
        {
            // Every profile.proto starts its string table with "": without one this is not a profile.
            throw new InvalidDataException("no string table");
        }

        // A Go CPU profile has [samples/count, cpu/nanoseconds]: weigh stacks by the count when there is one.
        var valueIndex = Math.Max(0, sampleTypes.FindIndex(t => t >= 0 && t < strings.Count && strings[(int)t] == "samples"));
        string FunctionName(ulong functionId) =>
            functions.TryGetValue(functionId, out var f) && f.Name > 0 && f.Name < strings.Count ? strings[(int)f.Name] : "[unknown]";

        var stacks = new List<StackSample>(samples.Count);
        foreach (var (locationIds, values) in samples)
        {
            var frames = new List<string>();

            // Leaf first; within a location, inlined functions come before the function they were inlined into.
            foreach (var locationId in locationIds)
            {
                if (locations.TryGetValue(locationId, out var lines) && lines.Count > 0)
                {
                    frames.AddRange(lines.Select(FunctionName));
                }
                else
                {
                    frames.Add("[unknown]");
                }
            }

            frames.Reverse();
            stacks.Add(new StackSample([.. frames], valueIndex < values.Count ? values[valueIndex] : 0));
        }

        return new StackRecording(stacks, durationNanos / 1e9) { PeriodNanos = period };
    }

    private static long ReadValueType(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        long type = -1;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                type = input.ReadInt64();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return type;
    }

    private static (List<ulong>, List<long>) ReadSample(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var locations = new List<ulong>();
        var values = new List<long>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    ReadRepeated(input, tag, locations, i => i.ReadUInt64());
                    break;
                case 2:
                    ReadRepeated(input, tag, values, i => i.ReadInt64());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (locations, values);
    }

    private static (ulong, List<ulong>) ReadLocation(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        ulong id = 0;
        var functionIds = new List<ulong>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    id = input.ReadUInt64();
                    break;
                case 4:
                    var line = input.ReadBytes().CreateCodedInput();
                    uint lineTag;
                    ulong functionId = 0;
                    while ((lineTag = line.ReadTag()) != 0)
                    {
                        if (WireFormat.GetTagFieldNumber(lineTag) == 1)
                        {
                            functionId = line.ReadUInt64();
                        }
                        else
                        {
                            line.SkipLastField();
                        }
                    }

                    functionIds.Add(functionId);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (id, functionIds);
    }

    private static (ulong, long, long) ReadFunction(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        ulong id = 0;
        long name = 0, file = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    id = input.ReadUInt64();
                    break;
                case 2:
                    name = input.ReadInt64();
                    break;
                case 4:
                    file = input.ReadInt64();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return (id, name, file);
    }

    // Repeated scalars arrive packed (one length-delimited run, as Go writes them) or one tag per value.
    private static void ReadRepeated<T>(CodedInputStream input, uint tag, List<T> into, Func<CodedInputStream, T> readOne)
    {
        if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
        {
            into.Add(readOne(input));
            return;
        }

        var packed = input.ReadBytes().CreateCodedInput();
        while (!packed.IsAtEnd)
        {
            into.Add(readOne(packed));
        }
    }

    /// <summary>Writes the CPU tree as a gzipped profile.proto whose sample types are samples/count and cpu/nanoseconds.</summary>
    public static void Write(Profile profile, Stream stream) => Write(profile.Cpu, profile.DurationSeconds, profile.SamplePeriodNanos, stream);

    public static void Write(CallTreeNode cpu, double seconds, long periodNanos, Stream stream)
    {
        var strings = new Dictionary<string, long>(StringComparer.Ordinal) { [string.Empty] = 0 };
        long S(string s)
        {
            if (!strings.TryGetValue(s, out var index))
            {
                index = strings.Count;
                strings.Add(s, index);
            }

            return index;
        }

        var functionIds = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var stacks = new List<(ulong[] LeafFirst, long Count)>();
        Collect(cpu, [], stacks, functionIds);
        var samplesTotal = Math.Max(1, cpu.Total);
        var period = periodNanos > 0 ? periodNanos : seconds > 0 ? (long)(seconds * 1e9 / samplesTotal) : 10_000_000;
        using var body = new MemoryStream();
        var output = new CodedOutputStream(body, leaveOpen: true);
        Message(output, 1, m => { m.WriteTag(1, WireFormat.WireType.Varint); m.WriteInt64(S("samples")); m.WriteTag(2, WireFormat.WireType.Varint); m.WriteInt64(S("count")); });
        Message(output, 1, m => { m.WriteTag(1, WireFormat.WireType.Varint); m.WriteInt64(S("cpu")); m.WriteTag(2, WireFormat.WireType.Varint); m.WriteInt64(S("nanoseconds")); });
        foreach (var (leafFirst, count) in stacks)
        {
            Message(output, 2, m =>
            {
                Packed(m, 1, leafFirst.Select(id => (long)id));
                Packed(m, 2, [count, count * period]);
            });
        }

        foreach (var (name, id) in functionIds)
        {
            // One location per function: a location's id is its function's id.
            Message(output, 4, m =>
            {
                m.WriteTag(1, WireFormat.WireType.Varint);
                m.WriteUInt64(id);
                Message(m, 4, line => { line.WriteTag(1, WireFormat.WireType.Varint); line.WriteUInt64(id); });
            });
            Message(output, 5, m =>
            {
                m.WriteTag(1, WireFormat.WireType.Varint);
                m.WriteUInt64(id);
                m.WriteTag(2, WireFormat.WireType.Varint);
                m.WriteInt64(S(name));
                m.WriteTag(3, WireFormat.WireType.Varint);
                m.WriteInt64(S(name));
            });
        }

        output.WriteTag(10, WireFormat.WireType.Varint);
        output.WriteInt64((long)(seconds * 1e9));
        Message(output, 11, m => { m.WriteTag(1, WireFormat.WireType.Varint); m.WriteInt64(S("cpu")); m.WriteTag(2, WireFormat.WireType.Varint); m.WriteInt64(S("nanoseconds")); });
        output.WriteTag(12, WireFormat.WireType.Varint);
        output.WriteInt64(period);
        foreach (var s in strings.OrderBy(s => s.Value).Select(s => s.Key))
        {
            output.WriteTag(6, WireFormat.WireType.LengthDelimited);
            output.WriteString(s);
        }

        output.Flush();
        using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        body.Position = 0;
        body.CopyTo(gzip);
    }

    private static void Collect(CallTreeNode node, List<ulong> path, List<(ulong[], long)> stacks, Dictionary<string, ulong> functionIds)
    {
        foreach (var child in node.Children)
        {
            if (!functionIds.TryGetValue(child.Name, out var id))
            {
                id = (ulong)functionIds.Count + 1;
                functionIds.Add(child.Name, id);
            }

            path.Add(id);
            if (child.Self > 0)
            {
                stacks.Add(([.. Enumerable.Reverse(path)], child.Self));
            }

            Collect(child, path, stacks, functionIds);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static void Message(CodedOutputStream output, int field, Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var inner = new CodedOutputStream(buffer, leaveOpen: true);
        write(inner);
        inner.Flush();
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void Packed(CodedOutputStream output, int field, IEnumerable<long> values)
    {
        using var buffer = new MemoryStream();
        var inner = new CodedOutputStream(buffer, leaveOpen: true);
        foreach (var v in values)
        {
            inner.WriteInt64(v);
        }

        inner.Flush();
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
