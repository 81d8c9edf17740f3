using System.Diagnostics;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using PerfNotebooks.Servers;

namespace PerfNotebooks.SampleServers.Exercises;

/// <summary>
/// Compiles a new version of an exercise file with Roslyn, in the server process, against the server's own
/// assemblies, and loads it into a collectible context: the running server serves it without a rebuild or restart.
/// </summary>
internal static class ExerciseCompiler
{
    /// <summary>The name the server grants its internals to (InternalsVisibleTo), so exercise code reads like server code.</summary>
    public const string AssemblyName = "PerfNotebooks.Exercise";

    // The server project's implicit usings, so a copy of the file compiles as it does in the project.
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    // Every assembly the server can load: the shared frameworks and the server's own dependencies. Read once.
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    private static int _warmed;

    // 0: not checked yet, 1: the symbol folder is this server's own, 2: it is not (lines are not kept).
    private static int _symbolFolder;

    private static readonly Lock SymbolFolderLock = new();

    /// <summary>
    /// Compiles the original once in the background, so the learner's first version does not pay for Roslyn's
    /// start-up (seconds of JIT on 2 cores). Started when the code is read (a learner reads it before writing a
    /// version), on a thread at nice 10: it takes an idle core whole but only about a tenth of a busy one. Never on
    /// a timer: a runnable thread is sampled by EventPipe whether or not it gets the CPU, so a warm-up that overlaps
    /// the learner's first profile fills it with Roslyn's frames and dilutes the hot spot they are looking for.
    /// </summary>
    public static void Warm(Exercise exercise)
    {
        if (Interlocked.Exchange(ref _warmed, 1) == 1)
        {
            return;
        }

        var thread = new Thread(() =>
        {
            // The references first, at normal priority: a learner's compile waits for them, never for the slow rest.
            _ = References.Value;
            Niceness.LowerThisThread();
            Emit(exercise, exercise.Source, new MemoryStream());
        })
        {
            IsBackground = true,
            Name = "exercise compiler warm-up",
        };
        thread.Start();
    }

    /// <summary>Compiles <paramref name="source"/> as <paramref name="exercise"/>'s file; throws <see cref="ExerciseCompileException"/>.</summary>
    public static CompiledExercise Compile(Exercise exercise, string source)
    {
        var clock = Stopwatch.StartNew();
        using var pe = new MemoryStream();
        var (emitted, file) = Emit(exercise, source, pe);
        if (!emitted.Success)
        {
            throw new ExerciseCompileException([.. emitted.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => Error(d.Location, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))]);
        }

        KeepSymbols(pe);
        pe.Position = 0;
        var context = new AssemblyLoadContext(exercise.FileName, isCollectible: true);
        var assembly = context.LoadFromStream(pe);
        try
        {
            var entry = FindEntry(exercise, assembly, file);
            return new CompiledExercise(context, entry, clock.Elapsed);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    private static (EmitResult Result, SyntaxTree File) Emit(Exercise exercise, string source, MemoryStream pe)
    {
        var file = CSharpSyntaxTree.ParseText(source, Parse, path: exercise.FileName, encoding: Encoding.UTF8);
        var usings = CSharpSyntaxTree.ParseText(GlobalUsings, Parse, path: "GlobalUsings.g.cs", encoding: Encoding.UTF8);
        var compilation = CSharpCompilation.Create(
            AssemblyName,
            [file, usings],
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false));
        // The PDB goes inside the assembly (exception stacks name the learner's lines) with the source itself, so a
        // profile of this version can show the exact text it sampled.
        return (compilation.Emit(
            pe,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded),
            embeddedTexts: [EmbeddedText.FromSource(exercise.FileName, file.GetText())]), file);
    }

    /// <summary>
    /// Leaves the compiled version where a profiler of this process finds it by its PDB id (<see cref="ExerciseSymbols"/>).
    /// Best effort: without it a profile names the learner's methods but not their lines, so a failure never fails the compile.
    /// </summary>
    private static void KeepSymbols(MemoryStream pe)
    {
        try
        {
            pe.Position = 0;
            Guid pdbId;
            using (var reader = new PEReader(pe, PEStreamOptions.LeaveOpen))
            {
                var codeView = reader.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.CodeView);
                if (codeView.DataSize == 0)
                {
                    return;
                }

                pdbId = reader.ReadCodeViewDebugDirectoryData(codeView).Guid;
            }

            if (!SymbolFolderIsOurs())
            {
                return;
            }

            var path = ExerciseSymbols.File(Environment.ProcessId, pdbId);
            var partial = path + ".partial";
            File.WriteAllBytes(partial, pe.ToArray());
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Lines are a nicety of profiles; the learner's code is served all the same.
        }
    }

    // The folder is named by pid, so one that exists before this server's first compile is stale (an earlier process
    // with the same pid) or planted by another local user (a shared /tmp): delete it, which fails for someone else's
    // in a sticky /tmp, then make it fresh and private, and use it only if it really is (0700).
    private static bool SymbolFolderIsOurs()
    {
        lock (SymbolFolderLock)
        {
            if (_symbolFolder != 0)
            {
                return _symbolFolder == 1;
            }

            _symbolFolder = MakeSymbolFolder() ? 1 : 2;
            return _symbolFolder == 1;
        }
    }

    private static bool MakeSymbolFolder()
    {
        var folder = ExerciseSymbols.Folder(Environment.ProcessId);
        var ours = false;
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
                ours = true;
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                ours = File.GetUnixFileMode(folder) == (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ours = false;
        }

        return ours;
    }

    /// <summary>Deletes the versions kept for profilers: called when the server stops.</summary>
    public static void DeleteSymbols()
    {
        try
        {
            Directory.Delete(ExerciseSymbols.Folder(Environment.ProcessId), recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing kept, or already gone: the temp cleaner gets any rest.
        }
    }

    private static Delegate FindEntry(Exercise exercise, Assembly assembly, SyntaxTree file)
    {
        var wanted = exercise.EntryType.GetMethod("Invoke")!;
        var shape = $"{exercise.EntryClass}.{exercise.EntryMethod}({string.Join(", ", wanted.GetParameters().Select(p => p.ParameterType.Name))})";
        var type = assembly.GetType(exercise.EntryClass)
            ?? throw Missing(file, $"the class {exercise.EntryClass} is missing; keep its namespace and name, the endpoint calls {shape}");
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == exercise.EntryMethod
                && m.ReturnType == wanted.ReturnType
                && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(wanted.GetParameters().Select(p => p.ParameterType)))
            ?? throw Missing(file, $"no static method {shape} returning {wanted.ReturnType.Name}; keep its name and signature, the endpoint calls it");
        return method.CreateDelegate(exercise.EntryType);
    }

    private static ExerciseCompileException Missing(SyntaxTree file, string message) =>
        new([Error(Location.Create(file, new Microsoft.CodeAnalysis.Text.TextSpan(0, 0)), "PERFNB01", message)]);

    private static CompileError Error(Location location, string id, string message)
    {
        var span = location.GetLineSpan();
        return new CompileError(span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, id, message);
    }
}
