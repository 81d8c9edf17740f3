namespace PerfNotebooks.Display;

/// <summary>
/// The one extension point for result types: implement it and the value renders as <c>text/html</c> in every
/// notebook host (plain text comes from <see cref="object.ToString"/>). <see cref="Notebook.RegisterFormatters"/>
/// registers a single formatter for this interface, so new result types need no registration of their own.
/// </summary>
public interface IHtmlRenderable
{
    /// <summary>A self-contained HTML fragment: no external scripts, styles or fonts.</summary>
    string ToHtml();
}
