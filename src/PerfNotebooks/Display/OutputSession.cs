namespace PerfNotebooks.Display;

/// <summary>
/// What one notebook (or one report) has already been sent: plotly.js is inlined into the first chart's HTML
/// and later charts reuse the page's <c>window.Plotly</c>. A kernel keeps one per notebook.
/// </summary>
public sealed class OutputSession
{
    private int plotlyInlined;

    /// <summary>True once an output of this session has carried the plotly.js library.</summary>
    public bool PlotlyInlined => Volatile.Read(ref plotlyInlined) == 1;

    /// <summary>A session whose page already has plotly.js (a report puts it in the head), so no output inlines it.</summary>
    internal static OutputSession WithPlotlyLoaded()
    {
        var session = new OutputSession();
        session.ClaimPlotlyInline();
        return session;
    }

    /// <summary>Returns true exactly once: the caller must inline the library.</summary>
    internal bool ClaimPlotlyInline() => Interlocked.Exchange(ref plotlyInlined, 1) == 0;
}
