using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace PerfNotebooks.Profiling;

/// <summary>
/// Takes a GC heap dump over EventPipe: the GCHeapSnapshot keywords make the runtime induce a full GC and stream
/// every live object (GCBulkNode), its references (GCBulkEdge) and type names (BulkType). We total bytes by type
/// and count, for each type, which types reference its objects.
/// </summary>
internal static class HeapDumpReading
{
    public static async Task<HeapSnapshot> Take(int pid, TimeSpan timeout, CancellationToken ct)
    {
        var client = EventPipeRecording.Connect(pid);
        var provider = new EventPipeProvider(EventPipeRecording.RuntimeProvider, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GCHeapSnapshot);
        EventPipeSession session;
        try
        {
            session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 256, ct);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or UnauthorizedAccessException or IOException)
        {
            throw EventPipeRecording.NotAttachable(pid, e);
        }

        using (session)
        {
            var heap = new Walker();
            var done = false;
            var stopping = 0;
            using var source = new EventPipeEventSource(session.EventStream);
            int? inducedGc = null;
            source.Clr.GCStart += e =>
            {
                if (inducedGc is null && e.Reason == GCReason.Induced)
                {
                    inducedGc = e.Count;
                }
            };
            source.Clr.GCStop += e =>
            {
                if (e.Count == inducedGc && Interlocked.Exchange(ref stopping, 1) == 0)
                {
                    done = true;
                    _ = Task.Run(() => StopQuietly(session), CancellationToken.None);
                }
            };
            source.Clr.TypeBulkType += heap.OnTypes;
            source.Clr.GCBulkNode += heap.OnNodes;
            source.Clr.GCBulkEdge += heap.OnEdges;
            var reading = Task.Run(source.Process, CancellationToken.None);
            if (await Task.WhenAny(reading, Task.Delay(timeout, ct)) != reading)
            {
                StopQuietly(session);
                await reading;
            }

            await reading;
            ct.ThrowIfCancellationRequested();
            if (!done)
            {
                throw new WorkFailedException($"process {pid} did not finish a heap dump within {timeout.TotalSeconds:F0} s (it may have exited); try again.");
            }

            return new HeapSnapshot(pid, DateTimeOffset.UtcNow, heap.Totals());
        }
    }

    private static void StopQuietly(EventPipeSession session)
    {
        try
        {
            session.Stop();
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or EndOfStreamException)
        {
            // The target is gone; whatever was streamed is all there is.
        }
    }

    private sealed class Walker
    {
        private readonly Dictionary<ulong, string> typeNames = [];
        private readonly Dictionary<ulong, (long Count, long Bytes)> byType = [];
        private readonly Dictionary<ulong, ulong> typeOfObject = [];
        private readonly List<(ulong Type, int Edges)> sources = [];
        private readonly List<ulong> edgeTargets = [];

        public void OnTypes(GCBulkTypeTraceData data)
        {
            for (var i = 0; i < data.Count; i++)
            {
                var v = data.Values(i);
                typeNames[v.TypeID] = string.IsNullOrEmpty(v.TypeName) ? $"type#{v.TypeID:x}" : v.TypeName.Replace('+', '.');
            }
        }

        public void OnNodes(GCBulkNodeTraceData data)
        {
            for (var i = 0; i < data.Count; i++)
            {
                var v = data.Values(i);
                var totals = byType.GetValueOrDefault(v.TypeID);
                byType[v.TypeID] = (totals.Count + 1, totals.Bytes + (long)v.Size);
                typeOfObject[v.Address] = v.TypeID;
                sources.Add((v.TypeID, (int)v.EdgeCount));
            }
        }

        // The runtime buffers nodes and edges separately, so an edge batch can arrive before the nodes it belongs to;
        // keep both streams in order and pair them at the end (node i owns the next EdgeCount edges).
        public void OnEdges(GCBulkEdgeTraceData data)
        {
            for (var i = 0; i < data.Count; i++)
            {
                edgeTargets.Add(data.Values(i).Target);
            }
        }

        public List<TypeSize> Totals()
        {
            var heldBy = new Dictionary<ulong, Dictionary<ulong, long>>();
            var edge = 0;
            foreach (var (holderType, edges) in sources)
            {
                for (var e = 0; e < edges && edge < edgeTargets.Count; e++, edge++)
                {
                    if (typeOfObject.TryGetValue(edgeTargets[edge], out var childType) && childType != holderType)
                    {
                        if (!heldBy.TryGetValue(childType, out var byHolder))
                        {
                            heldBy[childType] = byHolder = [];
                        }

                        byHolder[holderType] = byHolder.GetValueOrDefault(holderType) + 1;
                    }
                }
            }

            // Distinct type ids can share a name (generic instantiations, nested "<>c" classes): total them together.
            return [.. byType.GroupBy(t => Name(t.Key), StringComparer.Ordinal).Select(g => new TypeSize(
                    g.Key, g.Sum(t => t.Value.Count), g.Sum(t => t.Value.Bytes),
                    [.. g.SelectMany(t => heldBy.TryGetValue(t.Key, out var h) ? h : [])
                        .GroupBy(x => Name(x.Key), StringComparer.Ordinal)
                        .OrderByDescending(x => x.Sum(y => y.Value)).Take(3).Select(x => x.Key)]))
                .OrderByDescending(t => t.Bytes).ThenBy(t => t.Type, StringComparer.Ordinal)];
        }

        private string Name(ulong typeId) => typeNames.GetValueOrDefault(typeId) ?? $"type#{typeId:x}";
    }
}
