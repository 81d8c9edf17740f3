using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>Completion and Shift+Tab on assemblies a cell adds with #r, in-process against a real session.</summary>
public class CodeAssistantTests
{
    private sealed class Quiet : ICellOutput
    {
        public void Stream(string name, string text)
        {
        }

        public void Display(MimeBundle bundle, string displayId, bool update)
        {
        }

        public string? RequestInput(string prompt, bool password) => null;
    }

    [Fact]
    public async Task Members_and_docs_of_an_assembly_added_with_r_are_offered_after_a_dot()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-ref-").FullName;
        var dll = BuildDocumentedAssembly(folder);
        var session = new CSharpSession(folder);
        var ran = await session.ExecuteAsync($"#r \"{dll}\"\nvar meter = new Acme.Meter();", new Quiet());
        Assert.Equal(CellStatus.Ok, ran.Status);
        var assistant = new CodeAssistant(session);

        var completions = await assistant.CompleteAsync("meter.Rea", "meter.Rea".Length);
        var inspection = await assistant.InspectAsync("meter.ReadWatts(3)", "meter.Re".Length);

        Assert.Contains("ReadWatts", completions.Matches);
        Assert.NotNull(inspection);
        Assert.Equal("double Meter.ReadWatts(int channel)", inspection.Signature);
        Assert.Contains("Reads the power drawn on one channel.", inspection.Documentation, StringComparison.Ordinal);
        Assert.Contains("channel: Which socket, from 0.", inspection.Documentation, StringComparison.Ordinal);
    }

    /// <summary>A real assembly with its XML docs beside it, as a package ships them.</summary>
    private static string BuildDocumentedAssembly(string folder)
    {
        const string source = """
            namespace Acme;
            public sealed class Meter
            {
                /// <summary>Reads the power drawn on one channel.</summary>
                /// <param name="channel">Which socket, from 0.</param>
                public double ReadWatts(int channel) => channel * 1.5;
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Acme",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose))],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var dll = Path.Combine(folder, "Acme.dll");
        using (var pe = File.Create(dll))
        using (var xml = File.Create(Path.Combine(folder, "Acme.xml")))
        {
            var emitted = compilation.Emit(pe, xmlDocumentationStream: xml);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        }

        return dll;
    }
}
