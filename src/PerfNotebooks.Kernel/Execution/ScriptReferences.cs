using System.Reflection;
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

    public static IReadOnlyList<MetadataReference> Defaults { get; } = Build();

    /// <summary>Every namespace of the PerfNotebooks library that has public types, plus the BCL basics.</summary>
    public static IReadOnlyList<string> Imports { get; } =
    [
        .. BaseImports,
        .. CellLibraries().SelectMany(a => a.GetExportedTypes())
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith("PerfNotebooks", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// Libraries a cell sees without <c>#r</c>. The workbook machinery (Check.That, ExerciseCheck...) references
    /// the kernel, so the kernel cannot name its types; it is found by assembly name when the host that composes
    /// them (perfnb, the tests) ships it, and simply absent otherwise.
    /// </summary>
    private static IEnumerable<Assembly> CellLibraries()
    {
        yield return typeof(NotebookHost).Assembly;
        Assembly? workbooks = null;
        try
        {
            workbooks = Assembly.Load(new AssemblyName("PerfNotebooks.Workbooks"));
        }
        catch (FileNotFoundException)
        {
            // A kernel hosted without the workbooks: cells get the library alone.
        }

        if (workbooks is not null)
        {
            yield return workbooks;
        }
    }

    private static List<MetadataReference> Build()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var path in platform)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (FrameworkDefaults.Contains(name))
            {
                paths.Add(path);
            }
        }

        // The library and its dependency closure (DataFrame, Plotly.NET, FSharp.Core, Formatting...).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Named explicitly: the compiler drops references a library never uses, so its metadata alone can miss them.
        var pending = new Stack<Assembly>(
        [
            .. CellLibraries(), typeof(ScriptReferences).Assembly, typeof(Microsoft.Data.Analysis.DataFrame).Assembly,
            typeof(Plotly.NET.GenericChart).Assembly, typeof(Plotly.NET.CSharp.Chart).Assembly, typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly,
        ]);
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            if (!seen.Add(assembly.GetName().Name ?? "") || string.IsNullOrEmpty(assembly.Location))
            {
                continue;
            }

            paths.Add(assembly.Location);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || reference.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || reference.Name.StartsWith("NetMQ", StringComparison.Ordinal))
                {
                    continue;
                }

                try
                {
                    pending.Push(Assembly.Load(reference));
                }
                catch (FileNotFoundException)
                {
                    // Optional dependencies a library never loads at run time are not needed to compile cells.
                }
            }
        }

        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
