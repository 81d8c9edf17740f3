namespace PerfNotebooks.Servers;

/// <summary>The last lines a server process printed; kept short so a chatty server cannot fill memory.</summary>
internal sealed class ServerLog
{
    private const int Keep = 50;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > Keep)
            {
                _lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Lines()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    public string LastLine()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "(it printed nothing)" : _lines.Last();
        }
    }
}
