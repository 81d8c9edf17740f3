namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// What <c>display(x)</c> returns: call <see cref="Update"/> to replace the output in place. A cell that ends
/// in <c>display(x)</c> shows x once, not the handle as well.
/// </summary>
public sealed class DisplayHandle : IDisplayHandle
{
    private readonly CellContext _cell;
    private readonly string[] _mimeTypes;

    internal DisplayHandle(CellContext cell, string displayId, string[]? mimeTypes = null)
    {
        _cell = cell;
        DisplayId = displayId;
        _mimeTypes = mimeTypes ?? [];
    }

    public string DisplayId { get; }

    /// <summary>Replaces the shown output, as the same MIME types it was first shown as.</summary>
    public void Update(object value) =>
        _cell.Update(DisplayId, _mimeTypes.Length == 0 ? value : MimeBundle.From(value, _mimeTypes));

    internal DisplayHandle WithMimeTypes(string[] mimeTypes) => new(_cell, DisplayId, [.. mimeTypes]);

    public override string ToString() => $"display {DisplayId}";
}
