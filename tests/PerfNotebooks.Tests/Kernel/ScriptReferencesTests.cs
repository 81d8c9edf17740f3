using Microsoft.CodeAnalysis;
using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>The references every cell starts with: found from metadata, mapped from their files.</summary>
public class ScriptReferencesTests
{
    [Fact]
    public void Defaults_reach_the_librarys_transitive_dependencies_from_metadata()
    {
        var files = ScriptReferences.Defaults.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath)).ToHashSet();

        // FSharp.Core comes in only through Plotly.NET, and OpenXml only through the library's resume reader.
        Assert.Contains("FSharp.Core.dll", files);
        Assert.Contains("DocumentFormat.OpenXml.dll", files);
        Assert.Contains("System.Private.CoreLib.dll", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mapped_reference_reads_the_assemblies_a_library_references()
    {
        var library = MappedReference.Open(typeof(NotebookHost).Assembly.Location);

        Assert.NotNull(library);
        Assert.Contains("System.Runtime", library.ReferencedNames);
        Assert.Contains("PerfNotebooks", library.PublicNamespaces);
    }

    [Fact]
    public void A_file_that_is_not_a_dotnet_assembly_is_no_reference()
    {
        var native = Path.GetTempFileName();
        try
        {
            File.WriteAllText(native, "not a PE image");
            Assert.Null(MappedReference.Open(native));
        }
        finally
        {
            File.Delete(native);
        }
    }

    [Fact]
    public void Imports_name_the_librarys_namespaces()
    {
        Assert.Contains("PerfNotebooks.Profiling", ScriptReferences.Imports);
        Assert.Contains("System.Linq", ScriptReferences.Imports);
    }
}
