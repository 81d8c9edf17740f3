namespace PerfNotebooks.Display;

/// <summary>
/// The plotly.js copy we ship: Plotly.NET embeds plotly.min.js as a resource, so we read it from there rather
/// than ever pointing a page at a CDN. Notebooks load it from the installed kernelspec (one copy per machine,
/// which Jupyter serves at /kernelspecs/perfnb/); only standalone HTML carries it inline.
/// </summary>
internal static class PlotlyLibrary
{
    /// <summary>Marks our inlined library script so a report writer can find and drop duplicates.</summary>
    internal const string ScriptMarker = "data-perfnb=\"plotly-js\"";

    private static readonly Lazy<string> Source = new(Load);

    internal static string Version { get; } = FindResourceName()["Plotly.NET.plotly-".Length..^".min.js".Length];

    internal static string Script => Source.Value;

    /// <summary>The file name in the kernelspec folder; versioned, so a browser never runs a cached older copy.</summary>
    internal static string FileName => $"plotly-{Version}.min.js";

    /// <summary>Puts the library in a kernelspec folder, where Jupyter serves it to every notebook page.</summary>
    internal static void InstallInto(string kernelSpecFolder)
    {
        var path = Path.Combine(kernelSpecFolder, FileName);
        if (!File.Exists(path) || new FileInfo(path).Length != System.Text.Encoding.UTF8.GetByteCount(Source.Value))
        {
            SafeFile.WriteText(path, Source.Value);
        }
    }

    /// <summary>
    /// The library wrapped so its UMD header always sets <c>window.Plotly</c>: classic Jupyter has require.js,
    /// and an anonymous AMD <c>define</c> from a bare script tag would fail and leave Plotly undefined.
    /// </summary>
    internal static string ScriptTag() =>
        "<script type=\"text/javascript\" " + ScriptMarker + ">(function(define,module,exports){\n" + Source.Value +
        "\n}).call(window);</script>";

    private static string FindResourceName() =>
        typeof(Plotly.NET.GenericChart).Assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
        ?? throw new WorkFailedException("Plotly.NET no longer embeds plotly.min.js; ship plotly.js-dist-min as a resource in src/PerfNotebooks/Display.");

    private static string Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        using var stream = assembly.GetManifestResourceStream(FindResourceName())
            ?? throw new WorkFailedException("Could not open plotly.min.js inside " + assembly.GetName().Name + ".");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
