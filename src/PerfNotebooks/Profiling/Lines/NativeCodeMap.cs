using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace PerfNotebooks.Profiling.Lines;

/// <summary>
/// Where each jitted method body lives in the traced process and which IL offset each stretch of its native code
/// came from: the JIT and rundown events' method loads and IL-to-native maps (the MethodILToNativeMap events), and
/// the modules they belong to. With a PDB, an IL offset is a source line.
/// </summary>
internal sealed class NativeCodeMap
{
    private readonly List<Body> _bodies = [];
    private readonly Dictionary<long, Module> _modules = [];
    private Body[] _byStart = [];

    /// <summary>A module as the trace names it: its file (empty when loaded from memory) and its PDB id.</summary>
    public sealed record Module(string Path, Guid PdbId);

    /// <summary>One native code body of a method (a method has one per tier) and its IL-to-native map, when the trace has it.</summary>
    public sealed class Body(long methodId, long moduleId, ulong start, uint size, int token)
    {
        public long MethodId { get; } = methodId;

        public long ModuleId { get; } = moduleId;

        public ulong Start { get; } = start;

        public uint Size { get; } = size;

        public int Token { get; } = token;

        /// <summary>Native offsets ascending, each with the IL offset its code starts (negative: prolog, epilog, none).</summary>
        public (uint Native, int IL)[]? Map { get; set; }

        public bool Fits(uint[] nativeOffsets) => nativeOffsets.Length == 0 || nativeOffsets.Max() < Math.Max(Size, 1);

        /// <summary>The IL offset the instruction at <paramref name="native"/> bytes into the body came from, or -1.</summary>
        public int ILOffset(uint native)
        {
            if (Map is not { Length: > 0 } map)
            {
                return -1;
            }

            var il = -1;
            foreach (var (offset, ilOffset) in map)
            {
                if (offset > native)
                {
                    break;
                }

                if (ilOffset >= 0)
                {
                    il = ilOffset;
                }
            }

            return il;
        }
    }

    private readonly Dictionary<long, List<(uint[] Native, int[] IL)>> _pending = [];

    /// <summary>Listens to <paramref name="source"/>'s method, IL-map and module events; call <see cref="Seal"/> after it is processed.</summary>
    public void Attach(EventPipeEventSource source)
    {
        var rundown = new ClrRundownTraceEventParser(source);
        source.Clr.MethodLoadVerbose += AddBody;
        rundown.MethodDCStopVerbose += AddBody;
        source.Clr.MethodILToNativeMap += AddMap;
        rundown.MethodILToNativeMapDCStop += AddMap;
        source.Clr.LoaderModuleLoad += AddModule;
        rundown.LoaderModuleDCStop += AddModule;
    }

    public void Seal()
    {
        _byStart = [.. _bodies.OrderBy(b => b.Start)];
        _pending.Clear();
    }

    /// <summary>The body holding the instruction at <paramref name="address"/>, or null (native code, or not in the trace).</summary>
    public Body? Find(ulong address)
    {
        int lo = 0, hi = _byStart.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_byStart[mid].Start <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        // A later body at the same start (code memory reused after a collectible context unloaded) wins.
        return found >= 0 && address < _byStart[found].Start + _byStart[found].Size ? _byStart[found] : null;
    }

    public Module? ModuleOf(Body body) => _modules.GetValueOrDefault(body.ModuleId);

    private void AddBody(MethodLoadUnloadVerboseTraceData d)
    {
        var body = new Body(d.MethodID, d.ModuleID, d.MethodStartAddress, (uint)d.MethodSize, d.MethodToken);
        _bodies.Add(body);
        if (_pending.TryGetValue(d.MethodID, out var maps))
        {
            var fit = maps.FindLastIndex(m => body.Fits(m.Native));
            if (fit >= 0)
            {
                body.Map = Zip(maps[fit]);
                maps.RemoveAt(fit);
            }
        }
    }

    // The map event follows (or precedes) its body's load event; a method's bodies (one per tier) share its MethodID.
    private void AddMap(MethodILToNativeMapTraceData d)
    {
        var count = d.CountOfMapEntries;
        var native = new uint[count];
        var il = new int[count];
        for (var i = 0; i < count; i++)
        {
            native[i] = (uint)d.NativeOffset(i);
            il[i] = d.ILOffset(i);
        }

        var body = _bodies.FindLast(b => b.MethodId == d.MethodID && b.Map is null && b.Fits(native));
        if (body is not null)
        {
            body.Map = Zip((native, il));
            return;
        }

        if (!_pending.TryGetValue(d.MethodID, out var maps))
        {
            _pending[d.MethodID] = maps = [];
        }

        maps.Add((native, il));
    }

    private void AddModule(ModuleLoadUnloadTraceData d) =>
        _modules[d.ModuleID] = new Module(d.ModuleILPath ?? "", d.ManagedPdbSignature);

    private static (uint Native, int IL)[] Zip((uint[] Native, int[] IL) map) =>
        [.. map.Native.Zip(map.IL).OrderBy(p => p.First)];
}
