using Microsoft.CodeAnalysis;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>The assemblies and namespaces every cell starts with: the BCL, the PerfNotebooks library and its dependencies.</summary>
internal static class ScriptReferences
{
    private static readonly string[] BaseImports =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Text",
        "System.Threading", "System.Threading.Tasks", "System.Diagnostics",
        "Microsoft.Data.Analysis", "Plotly.NET.CSharp", "PerfNotebooks.Kernel.Execution",
    ];

    /// <summary>
    /// The BCL assemblies cells reference by default. Not the whole shared framework: every submission binds
    /// every reference, so ~180 of them cost about 1.9 MB of retained memory per cell and double the start-up
    /// compile (measured in docs/benchmarks.md). Anything else is one <c>#r "System.X"</c> away.
    /// </summary>
    private static readonly HashSet<string> FrameworkDefaults = new(StringComparer.Ordinal)
    {
        "System.Private.CoreLib", "System.Runtime", "netstandard", "mscorlib", "System", "Microsoft.CSharp",
        "System.Console", "System.Linq", "System.Linq.Expressions", "System.Collections", "System.Collections.Concurrent",
        "System.Collections.Immutable", "System.ComponentModel.Primitives", "System.ObjectModel", "System.Memory",
        "System.Net.Http", "System.Net.Primitives", "System.Net.Sockets", "System.Private.Uri", "System.Web.HttpUtility",
        "System.Text.RegularExpressions", "System.Text.Json", "System.Text.Encodings.Web", "System.Threading",
        "System.Threading.Thread", "System.Threading.ThreadPool", "System.Threading.Channels", "System.Diagnostics.Process",
        "System.Diagnostics.DiagnosticSource", "System.Diagnostics.Tracing", "System.Runtime.InteropServices",
        "System.Runtime.Numerics", "System.Numerics.Vectors", "System.IO.Compression", "System.IO.FileSystem.Watcher",
        "System.Security.Cryptography", "System.Xml.ReaderWriter", "System.Private.Xml", "System.Xml.Linq", "System.Private.Xml.Linq",
        "System.Data.Common",
    };

    /// <summary>The assemblies the host can load, by simple name: the shared framework and the app's own (deps.json).</summary>
    private static readonly Lazy<Dictionary<string, string>> Loadable = new(() =>
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }

        return byName;
    });

    /// <summary>
    /// The default references, resolved from metadata alone: no assembly of the closure is loaded to find them
    /// (loading all 162 at start cost time and memory; each loads when a cell first uses it).
    /// </summary>
    public static IReadOnlyList<MetadataReference> Defaults => DefaultReferences.Value;

    // One set for the process: sessions that share reference objects share Roslyn's symbols for them.
    private static readonly Lazy<List<MetadataReference>> DefaultReferences = new(() => [.. Build().Select(r => r.ToReference())]);

    /// <summary>Every namespace of the PerfNotebooks library that has public types, plus the BCL basics.</summary>
    public static IReadOnlyList<string> Imports { get; } =
    [
        .. BaseImports,
        .. LibraryNamespaces()
            .Where(n => n.StartsWith("PerfNotebooks", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// Libraries a cell sees without <c>#r</c>. The workbook machinery (Check.That, ExerciseCheck...) references
    /// the kernel, so the kernel cannot name its types; it is found by assembly name when the host that composes
    /// them (perfnb, the tests) ships it, and simply absent otherwise.
    /// </summary>
    private static IEnumerable<string> CellLibraryPaths()
    {
        yield return typeof(NotebookHost).Assembly.Location;
        if (Find("PerfNotebooks.Workbooks") is { } workbooks)
        {
            yield return workbooks;
        }
    }

    private static IEnumerable<string> LibraryNamespaces()
    {
        foreach (var path in CellLibraryPaths())
        {
            if (MappedReference.Open(path) is not { } library)
            {
                continue;
            }

            using (library.Module)
            {
                foreach (var name in library.PublicNamespaces)
                {
                    yield return name;
                }
            }
        }
    }

    private static string? Find(string name)
    {
        if (Loadable.Value.TryGetValue(name, out var path))
        {
            return path;
        }

        // A host without a deps.json (a plain folder of dlls) still loads from its own folder.
        var beside = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        return File.Exists(beside) ? beside : null;
    }

    private static List<MappedReference> Build()
    {
        var references = new List<MappedReference>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, path) in Loadable.Value)
        {
            if (FrameworkDefaults.Contains(name) && seen.Add(name) && MappedReference.Open(path) is { } framework)
            {
                references.Add(framework);
            }
        }

        // The library and its dependency closure (DataFrame, Plotly.NET, FSharp.Core, Formatting...), read from
        // each file's metadata. Named explicitly: the compiler drops references a library never uses, so its
        // metadata alone can miss them.
        var pending = new Stack<string>(
        [
            .. CellLibraryPaths(), typeof(ScriptReferences).Assembly.Location, typeof(Microsoft.Data.Analysis.DataFrame).Assembly.Location,
            typeof(Plotly.NET.GenericChart).Assembly.Location, typeof(Plotly.NET.CSharp.Chart).Assembly.Location,
            typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly.Location,
        ]);
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            if (string.IsNullOrEmpty(path) || !seen.Add(Path.GetFileNameWithoutExtension(path)) || MappedReference.Open(path) is not { } reference)
            {
                continue;
            }

            references.Add(reference);
            foreach (var name in reference.ReferencedNames)
            {
                // Optional dependencies a library never loads at run time are not needed to compile cells.
                if (!name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !name.StartsWith("NetMQ", StringComparison.Ordinal)
                    && !seen.Contains(name) && Find(name) is { } dependency)
                {
                    pending.Push(dependency);
                }
            }
        }

        return references;
    }
}
