namespace PerfNotebooks.Display;

/// <summary>
/// What the page an output lands in already has. A notebook page has no plotly.js of its own, so its charts
/// load the kernelspec's copy; a report puts one copy in its head and its charts just draw.
/// </summary>
public sealed class OutputSession
{
    /// <summary>True when the page carries plotly.js itself, so chart HTML needs no loader.</summary>
    public bool PlotlyLoaded { get; private init; }

    /// <summary>A session whose page already has plotly.js (a report puts it in the head).</summary>
    internal static OutputSession WithPlotlyLoaded() => new() { PlotlyLoaded = true };
}
