using System.Text.Json.Nodes;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>Whole notebooks executed by Debian's `jupyter nbconvert --execute` (nbclient) against our kernel.</summary>
[Collection(JupyterCollection.Name)]
[Trait("Category", "Live")]
public class NbconvertTests(JupyterInstall jupyter)
{
    [Fact]
    public async Task Nbconvert_executes_a_notebook_on_the_perfnb_kernel()
    {
        var input = SampleNotebooks.CopyToTemp("ours.ipynb");
        var folder = Path.GetDirectoryName(input)!;

        var (code, _, stderr) = await jupyter.RunPython(
            Path.Combine("Kernel", "nbconvert_execute.py"), input, Path.Combine(folder, "out.ipynb"));

        Assert.True(code == 0, stderr);
        var cells = (JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out.ipynb")))!["cells"] as JsonArray)!;
        // nbformat stores text as a string or as a list of lines.
        var text = cells[^1]!["outputs"]![0]!["data"]!["text/plain"];
        Assert.Equal("hello perfnb", text is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)text);
    }
}
