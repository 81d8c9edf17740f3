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
    // The Go server's exercise files (servers/go/exercise.go names the same); Node's are servers/node/exercise/SCENARIO.js.
    private static readonly Dictionary<string, string> GoFiles = new(StringComparer.Ordinal)
    {
        ["cpu-hotspot"] = "primes.go",
        ["n-plus-one"] = "userswithorders.go",
    };

    /// <summary>The Go server's exercise file of <paramref name="scenario"/> (under servers/go), what go build -overlay replaces.</summary>
    internal static string GoFile(string scenario) =>
        GoFiles.TryGetValue(scenario, out var file) ? file : throw new BadInputException($"the go '{scenario}' server has no exercise file");

    /// <summary>
    /// The exercise file of <paramref name="scenario"/> in <paramref name="runtime"/>'s language, as its server ships
    /// it: the .NET one from the built server, the Go and Node ones from the checkout's servers/ folder.
    /// </summary>
    public static string Original(string scenario, string runtime)
    {
        runtime = SampleRuntimes.Check(runtime, scenario);
        var path = runtime switch
        {
            SampleRuntimes.Go when GoFiles.TryGetValue(scenario, out var file) => RepoCheckout.PathTo("servers", "go", file),
            SampleRuntimes.Node => RepoCheckout.PathTo("servers", "node", "exercise", scenario + ".js"),
            SampleRuntimes.Dotnet => null,
            _ => throw new BadInputException($"the {runtime} '{scenario}' server has no exercise file"),
        };
        if (path is null)
        {
            return Original(scenario);
        }

        return File.Exists(path)
            ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal)
            : throw new BadInputException($"the {runtime} '{scenario}' server has no exercise file at {path}");
    }

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
