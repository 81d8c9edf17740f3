namespace PerfNotebooks.Kernel.Execution;

/// <summary>What <c>Markdown("...")</c> returns: text the notebook renders as markdown (text/markdown), plain text elsewhere.</summary>
public sealed record MarkdownContent(string Markdown) : IMimeRenderable
{
    public IReadOnlyDictionary<string, string> ToMimeBundle() =>
        new Dictionary<string, string> { ["text/markdown"] = Markdown, ["text/plain"] = Markdown };

    public override string ToString() => Markdown;
}
