using Microsoft.Diagnostics.Tracing.Etlx;

namespace PerfNotebooks.Profiling.Lines;

/// <summary>
/// CPU samples by source line: each sampled instruction address of the app's frames goes to its method body
/// (<see cref="NativeCodeMap"/>), the IL offset it was compiled from, and the line of that offset in the PDB
/// (<see cref="LineSymbols"/>). A sample counts once for the innermost line of app code on its stack (the work done
/// there, library calls included) and once in the total of every app line on the stack.
/// </summary>
internal static class LineAttribution
{
    public static ProfiledLines Read(TraceLog log, IReadOnlyDictionary<CallStackIndex, int> cpuStacks, NativeCodeMap code, int pid)
    {
        using var symbols = new LineSymbols(pid);
        var own = new Dictionary<(string File, int Line), int>();
        var total = new Dictionary<(string File, int Line), int>();
        var names = new Dictionary<CodeAddressIndex, bool>();
        var lines = new Dictionary<(CodeAddressIndex Address, bool Leaf), (string, int)?>();
        var onStack = new HashSet<(string, int)>();
        var cpuSamples = 0;
        foreach (var (leaf, count) in cpuStacks)
        {
            cpuSamples += count;
            onStack.Clear();
            var innermost = true;
            var isLeaf = true;
            for (var s = leaf; s != CallStackIndex.Invalid; s = log.CallStacks.Caller(s), isLeaf = false)
            {
                var address = log.CallStacks.CodeAddressIndex(s);
                if (!IsApp(log, address, names))
                {
                    continue;
                }

                if (!lines.TryGetValue((address, isLeaf), out var line))
                {
                    lines[(address, isLeaf)] = line = Resolve(log.CodeAddresses.Address(address), isLeaf, code, symbols);
                }

                if (line is not { } at)
                {
                    continue;
                }

                if (innermost)
                {
                    own[at] = own.GetValueOrDefault(at) + count;
                    innermost = false;
                }

                if (onStack.Add(at))
                {
                    total[at] = total.GetValueOrDefault(at) + count;
                }
            }
        }

        var costs = total
            .Select(t => new LineCost(t.Key.File, t.Key.Line, own.GetValueOrDefault(t.Key), t.Value, Pct(own.GetValueOrDefault(t.Key), cpuSamples), Pct(t.Value, cpuSamples)))
            .OrderByDescending(c => c.Samples).ThenByDescending(c => c.Total).ThenBy(c => c.File, StringComparer.Ordinal).ThenBy(c => c.Line)
            .ToList();
        return new ProfiledLines(costs, symbols.Texts, cpuSamples);
    }

    private static double Pct(int samples, int of) => of == 0 ? 0 : 100.0 * samples / of;

    private static bool IsApp(TraceLog log, CodeAddressIndex address, Dictionary<CodeAddressIndex, bool> names)
    {
        if (!names.TryGetValue(address, out var app))
        {
            var method = log.CodeAddresses.MethodIndex(address);
            var name = method == MethodIndex.Invalid ? "" : log.CodeAddresses.Methods.FullMethodName(method);
            names[address] = app = name.Length > 0 && FrameNames.IsAppCode(FrameNames.Normalize(name, ""));
        }

        return app;
    }

    private static (string, int)? Resolve(ulong address, bool leaf, NativeCodeMap code, LineSymbols symbols)
    {
        // A caller's frame holds the return address, the instruction after the call: step back into the call.
        var instruction = leaf ? address : address - 1;
        if (code.Find(instruction) is not { } body || code.ModuleOf(body) is not { } module)
        {
            return null;
        }

        var il = body.ILOffset((uint)(instruction - body.Start));
        return il < 0 ? null : symbols.Find(module, body.Token, il);
    }
}
