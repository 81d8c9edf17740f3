using System.Text.Json.Nodes;
using PerfNotebooks.Display;
using PerfNotebooks.Plots;

namespace PerfNotebooks.Tests.Display;

public class NotebookReportTests
{
    private static string Ipynb()
    {
        var chart = Charts.TimeSeries([Series.PerSecond("rps", [1, 2, 3])]).ToMime(new OutputSession());
        var cells = new JsonArray
        {
            new JsonObject { ["cell_type"] = "markdown", ["source"] = new JsonArray("# Pool fix\n", "Before and after.") },
            new JsonObject
            {
                ["cell_type"] = "code",
                ["source"] = "var chart = Charts.TimeSeries(run);",
                ["outputs"] = new JsonArray
                {
                    new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = new JsonArray("warming up\n") },
                    new JsonObject
                    {
                        ["output_type"] = "display_data",
                        ["data"] = new JsonObject
                        {
                            [MimeTypes.Plotly] = JsonNode.Parse(chart[MimeTypes.Plotly]),
                            [MimeTypes.Html] = chart[MimeTypes.Html],
                            [MimeTypes.PlainText] = chart[MimeTypes.PlainText],
                        },
                    },
                    new JsonObject { ["output_type"] = "error", ["ename"] = "E", ["evalue"] = "v", ["traceback"] = new JsonArray("\u001b[31mBoom\u001b[0m") },
                },
            },
        };
        return new JsonObject { ["nbformat"] = 4, ["cells"] = cells }.ToJsonString();
    }

    [Fact]
    public void FromIpynb_renders_markdown_code_streams_charts_and_errors_in_order()
    {
        var html = NotebookReport.FromIpynb(Ipynb(), "run").ToHtml();

        var order = new[] { "<h2>Pool fix</h2>", "var chart = Charts.TimeSeries(run);", "warming up", "window.Plotly.newPlot", "<pre>Boom</pre>" }
            .Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToArray();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void FromIpynb_keeps_one_plotly_js_and_no_network_references()
    {
        var html = NotebookReport.FromIpynb(Ipynb()).ToHtml();

        Assert.Equal(1, OfflineHtml.LibraryCopies(html));
        OfflineHtml.AssertOffline(html);
    }

    [Fact]
    public void FromIpynb_rejects_json_without_cells()
    {
        var error = Assert.Throws<BadInputException>(() => NotebookReport.FromIpynb("{\"nbformat\":4}"));

        Assert.Contains("\"cells\"", error.Message);
    }
}
