namespace PerfNotebooks.Display;

/// <summary>The MIME types our outputs carry; keys of every bundle <see cref="Notebook.MimeBundle(object?)"/> returns.</summary>
public static class MimeTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Csv = "text/csv";
    public const string Svg = "image/svg+xml";

    /// <summary>Plotly figure JSON; VS Code and JupyterLab draw it natively. The value is JSON text, not a string.</summary>
    public const string Plotly = "application/vnd.plotly.v1+json";

    /// <summary>True when the bundle value for this MIME type is JSON text that a notebook stores as an object.</summary>
    public static bool IsJson(string mimeType) =>
        mimeType == "application/json" || mimeType.EndsWith("+json", StringComparison.Ordinal);
}
