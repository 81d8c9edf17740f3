namespace PerfNotebooks.Kernel.Execution;

/// <summary>What <c>HTML("...")</c> returns: markup the notebook shows as HTML (text/html), its source as plain text.</summary>
public sealed record HtmlContent(string Html) : IMimeRenderable
{
    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { ["text/html"] = Html, ["text/plain"] = Html };

    public override string ToString() => Html;
}
