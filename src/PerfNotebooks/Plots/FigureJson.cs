using System.Text.Json.Nodes;
using PerfNotebooks.Display;
using Plotly.NET;

namespace PerfNotebooks.Plots;

/// <summary>
/// Layout touches Plotly.NET's C# surface does not reach (tick labels, shapes, subplots), applied to the
/// figure JSON Plotly.NET produced.
/// </summary>
internal sealed class FigureJson
{
    private readonly JsonObject figure;

    private FigureJson(JsonObject figure) => this.figure = figure;

    public JsonArray Data => (JsonArray)figure["data"]!;

    public JsonObject Layout => figure["layout"] as JsonObject ?? (JsonObject)(figure["layout"] = new JsonObject());

    /// <summary>
    /// Traces come from Plotly.NET; the layout is ours. Plotly.NET's default layout carries an 8 KB template whose
    /// serialization costs 100+ ms per chart, so we start from a small layout of our own instead.
    /// </summary>
    public static FigureJson From(GenericChart chart)
    {
        var traces = Newtonsoft.Json.JsonConvert.SerializeObject(GenericChart.getTraces(chart));
        var figure = new JsonObject
        {
            ["data"] = JsonNode.Parse(traces),
            ["layout"] = new JsonObject
            {
                ["font"] = new JsonObject { ["family"] = "system-ui, -apple-system, Segoe UI, sans-serif", ["color"] = "#2a3f5f" },
                ["paper_bgcolor"] = "white",
                ["plot_bgcolor"] = "#f4f6fa",
                ["colorway"] = new JsonArray("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"),
                ["hovermode"] = "closest",
                ["margin"] = new JsonObject { ["l"] = 60, ["r"] = 20, ["t"] = 50, ["b"] = 60 },
                ["xaxis"] = new JsonObject { ["gridcolor"] = "white", ["zeroline"] = false, ["automargin"] = true },
                ["yaxis"] = new JsonObject { ["gridcolor"] = "white", ["zeroline"] = false, ["automargin"] = true },
            },
        };
        return new FigureJson(figure);
    }

    public FigureJson Title(string title)
    {
        Layout["title"] = new JsonObject { ["text"] = title };
        Layout.Remove("width");
        Layout.Remove("height");
        Layout["height"] = 450;
        Layout["autosize"] = true;
        return this;
    }

    public JsonObject Axis(string name)
    {
        if (Layout[name] is not JsonObject axis)
        {
            axis = new JsonObject();
            Layout[name] = axis;
        }

        return axis;
    }

    public FigureJson AxisTitle(string name, string title)
    {
        Axis(name)["title"] = new JsonObject { ["text"] = title };
        return this;
    }

    /// <summary>A dashed vertical line across the plot at <paramref name="x"/>, labelled at the top.</summary>
    public FigureJson VerticalMarker(double x, string label)
    {
        Shapes().Add(new JsonObject
        {
            ["type"] = "line",
            ["xref"] = "x",
            ["yref"] = "paper",
            ["x0"] = x,
            ["x1"] = x,
            ["y0"] = 0,
            ["y1"] = 1,
            ["line"] = new JsonObject { ["color"] = "#c62828", ["width"] = 2, ["dash"] = "dash" },
        });
        Annotations().Add(new JsonObject
        {
            ["x"] = x,
            ["y"] = 1,
            ["xref"] = "x",
            ["yref"] = "paper",
            ["text"] = label,
            ["showarrow"] = false,
            ["xanchor"] = "left",
            ["yanchor"] = "bottom",
            ["font"] = new JsonObject { ["color"] = "#c62828" },
        });
        return this;
    }

    public ChartOutput ToOutput(string title) => ChartOutput.FromFigure(figure, title);

    /// <summary>
    /// Fills a trace's x and y directly: Plotly.NET serializes numbers through Newtonsoft at about 2 µs a point,
    /// which made a 100k-point series take most of a second.
    /// </summary>
    public FigureJson SetPoints(int trace, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var target = (JsonObject)Data[trace]!;
        target["x"] = Numbers(x);
        target["y"] = Numbers(y);
        return this;
    }

    private static JsonArray Numbers(IReadOnlyList<double> values)
    {
        var nodes = new JsonNode?[values.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            // JSON has no NaN/Infinity; a gap is what a missing measurement should look like.
            nodes[i] = double.IsFinite(values[i]) ? JsonValue.Create(values[i]) : null;
        }

        return new JsonArray(nodes);
    }

    private JsonArray Shapes() => Layout["shapes"] as JsonArray ?? (JsonArray)(Layout["shapes"] = new JsonArray());

    private JsonArray Annotations() => Layout["annotations"] as JsonArray ?? (JsonArray)(Layout["annotations"] = new JsonArray());
}
