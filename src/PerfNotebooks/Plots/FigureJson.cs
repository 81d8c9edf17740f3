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

    public static FigureJson From(GenericChart chart) =>
        new((JsonObject)JsonNode.Parse(GenericChart.toFigureJson(chart))!);

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

    public ChartOutput ToOutput(string title) => ChartOutput.FromFigureJson(figure.ToJsonString(), title);

    private JsonArray Shapes() => Layout["shapes"] as JsonArray ?? (JsonArray)(Layout["shapes"] = new JsonArray());

    private JsonArray Annotations() => Layout["annotations"] as JsonArray ?? (JsonArray)(Layout["annotations"] = new JsonArray());
}
