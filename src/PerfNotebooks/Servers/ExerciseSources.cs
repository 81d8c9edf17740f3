using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace PerfNotebooks.Servers;

/// <summary>
/// The original exercise files, read from the built sample server's embedded resources without loading it (it is an
/// ASP.NET app; the library does not reference it). <c>workbook release</c> puts them into learners' fix cells.
/// </summary>
public static class ExerciseSources
{
    /// <summary>The exercise file of <paramref name="scenario"/> as the server ships it.</summary>
    public static string Original(string scenario)
    {
        SampleScenarios.Check(scenario);
        var dll = ServerBinary.Locate();
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var wanted = "exercise/" + scenario + ".cs";
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != wanted)
            {
                continue;
            }

            // Embedded resources sit in the CLI header's resources directory: a 4-byte length, then the bytes.
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader();
            block.Offset = (int)resource.Offset;
            var length = block.ReadInt32();
            return Encoding.UTF8.GetString(block.ReadBytes(length)).TrimStart('\uFEFF');
        }

        throw new WorkFailedException($"{dll} has no exercise file for '{scenario}'; rebuild src/PerfNotebooks.SampleServers");
    }
}
