namespace PerfNotebooks.Kernel.Execution;

/// <summary>What <c>display(x)</c> returns: call <see cref="Update"/> to replace the output in place.</summary>
public sealed class DisplayHandle : IDisplayHandle
{
    private readonly CellContext _cell;

    internal DisplayHandle(CellContext cell, string displayId)
    {
        _cell = cell;
        DisplayId = displayId;
    }

    public string DisplayId { get; }

    public void Update(object value) => _cell.Update(DisplayId, value);

    public override string ToString() => $"display {DisplayId}";
}
