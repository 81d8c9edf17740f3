namespace PerfNotebooks.Kernel.Protocol;

/// <summary>
/// Signatures of messages already accepted, so a captured message replayed on the wire is refused, as
/// jupyter_client's Session does. Bounded: the oldest are forgotten first (a replay that old would also
/// fail the client-side checks of its session and date).
/// </summary>
internal sealed class SeenSignatures(int capacity = 65_536)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Records the signature; false when it was seen before.</summary>
    public bool TryAdd(string signature)
    {
        lock (_gate)
        {
            if (!_seen.Add(signature))
            {
                return false;
            }

            _order.Enqueue(signature);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
