using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// A metadata reference that maps its file instead of copying it. <see cref="MetadataReference.CreateFromFile(string, MetadataReferenceProperties, DocumentationProvider?)"/>
/// reads the whole image into private memory (to avoid locking the file), and the default references are
/// ReadyToRun images whose native code Roslyn never reads: ~110 MiB of RSS for ~80 files (docs/benchmarks.md).
/// Mapped, only the metadata pages Roslyn touches are resident, and they are shared with the page cache.
/// Used for the installed framework and the kernel's own folder only; a user's <c>#r</c> dll may be rebuilt
/// in place while the kernel runs, so it is still copied.
/// </summary>
internal sealed class MappedReference
{
    private MappedReference(string path, ModuleMetadata module)
    {
        Path = path;
        Module = module;
    }

    public string Path { get; }

    public ModuleMetadata Module { get; }

    /// <summary>The assemblies this one references, by simple name.</summary>
    public IEnumerable<string> ReferencedNames
    {
        get
        {
            var reader = Module.GetMetadataReader();
            foreach (var handle in reader.AssemblyReferences)
            {
                yield return reader.GetString(reader.GetAssemblyReference(handle).Name);
            }
        }
    }

    /// <summary>The namespaces of the assembly's public top-level types.</summary>
    public IEnumerable<string> PublicNamespaces
    {
        get
        {
            var reader = Module.GetMetadataReader();
            foreach (var handle in reader.TypeDefinitions)
            {
                var type = reader.GetTypeDefinition(handle);
                if ((type.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public && !type.Namespace.IsNil)
                {
                    yield return reader.GetString(type.Namespace);
                }
            }
        }
    }

    /// <summary>Null when the file is not a .NET assembly (a native library beside the managed ones).</summary>
    public static MappedReference? Open(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            // A FileStream with default options: System.Reflection.Metadata memory-maps the blocks it reads.
            var module = ModuleMetadata.CreateFromStream(stream, PEStreamOptions.Default);
            if (!module.GetMetadataReader().IsAssembly)
            {
                module.Dispose();
                return null;
            }

            return new MappedReference(path, module);
        }
        catch (BadImageFormatException)
        {
            stream.Dispose();
            return null;
        }
    }

    public MetadataReference ToReference() => AssemblyMetadata.Create(Module).GetReference(filePath: Path);
}
