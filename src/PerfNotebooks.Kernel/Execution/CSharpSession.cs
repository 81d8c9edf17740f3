using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// A C# notebook session: cells run one after another with Roslyn scripting, each seeing the variables,
/// types and references of the cells before it. Shared by the Jupyter kernel and the headless runner.
/// </summary>
public sealed class CSharpSession
{
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    private readonly PackageRestorer _packages;
    private readonly string _workingDirectory;
    private readonly Lazy<Task> _warmUp;
    private readonly Lock _interruptGate = new();
    private ScriptOptions _options;

    // The options the last submission ran with; a new submission passes options only when they changed (#r).
    private ScriptOptions? _submittedOptions;
    private ScriptState<object>? _state;
    private CancellationTokenSource? _running;
    private CellContext? _runningContext;

    /// <summary>How long an interrupted cell gets to stop on its own (a load run ending its requests) before the kernel moves on without it.</summary>
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(1);

    public CSharpSession(string? workingDirectory = null, string? packageCache = null)
    {
        _workingDirectory = Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory());
        _packages = new PackageRestorer(packageCache ?? PackageRestorer.DefaultCacheRoot);
        _options = ScriptOptions.Default
            .WithReferences(ScriptReferences.Defaults)
            .WithImports(ScriptReferences.Imports)
            .WithLanguageVersion(LanguageVersion.Preview)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithAllowUnsafe(true)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_workingDirectory).WithSearchPaths(_workingDirectory))
            .WithSourceResolver(new SourceFileResolver([_workingDirectory], _workingDirectory));
        _warmUp = new Lazy<Task>(() => Task.Run(WarmUpCore));
        CellConsole.Install();
        NotebookHost.Current ??= new CellDisplay();
        Notebook.RegisterFormatters();
        Notebook.ResetSession(); // a new session is a new page: the first chart inlines plotly.js again
    }

    /// <summary>How many cells have been executed (Jupyter's execution_count).</summary>
    public int ExecutionCount { get; private set; }

    public IReadOnlyList<ScriptVariable> Variables => _state?.Variables ?? [];

    internal ScriptState<object>? State => _state;

    internal ScriptOptions Options => _options;

    /// <summary>Compiles the first submission in the background, so the first real cell does not pay for it.</summary>
    public Task WarmUpAsync() => _warmUp.Value;

    /// <summary>Runs one cell. Output goes to <paramref name="output"/> as it happens; the result says how it ended.</summary>
    public async Task<CellResult> ExecuteAsync(string cell, ICellOutput output, bool storeHistory = true, CancellationToken cancellation = default)
    {
        var count = storeHistory ? ++ExecutionCount : ExecutionCount;
        var clock = Stopwatch.StartNew();
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var context = new CellContext(output, interrupt.Token);
        lock (_interruptGate)
        {
            _running = interrupt;
            _runningContext = context;
        }

        try
        {
            // Inside the interruptible part: an interrupt during the first cell's warm-up is not lost.
            await WarmUpAsync().WaitAsync(interrupt.Token);
            var source = CellSource.Parse(cell);
            if (source.ForeignLanguage is { } magic && magic.StartsWith("#!", StringComparison.Ordinal))
            {
                return Failed(new CellError("UnsupportedMagic", $"{magic} is a Polyglot magic command this kernel does not run (it runs #!time, #!who, #!whos and #!lsmagic); remove the line, or do the same in C# (a variable instead of #!set or #!share).", [$"UnsupportedMagic: {magic}"]));
            }

            if (source.ForeignLanguage is { } language)
            {
                return Failed(new CellError("UnsupportedLanguage", $"{language} cells are not supported: PerfNotebooks runs C# only. Rewrite the cell in C#, or open the notebook in a host that has a {language} kernel.", [$"UnsupportedLanguage: only C# cells are supported (this cell asks for {language})."]));
            }

            await ApplyReferencesAsync(source, context, interrupt.Token);
            RunInformationalMagics(source, context);
            foreach (var note in source.Notes)
            {
                context.Write(error: true, note + "\n");
            }

            if (string.IsNullOrWhiteSpace(source.Code))
            {
                return new CellResult(CellStatus.Ok, null, null, count, clock.Elapsed);
            }

            var result = await RunCodeAsync(source.Code, context, count, interrupt.Token);
            if (await context.EndScopeAsync() is { } disposeFailure && result.Status == CellStatus.Ok)
            {
                result = result with { Status = CellStatus.Error, Error = CellErrorFormatter.FromException(disposeFailure) };
            }

            if (source.Magics.Contains(Magic.Time))
            {
                context.Write(error: false, $"Wall time: {clock.Elapsed.TotalMilliseconds:F1} ms\n");
            }

            return result with { Duration = clock.Elapsed };
        }
        catch (BadInputException e)
        {
            return Failed(new CellError("BadInput", e.Message, [e.Message]));
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return Interrupted(count); // during the warm-up or a package restore
        }
        finally
        {
            // Cells that ended early (bad input, a failed restore) still release what they opened.
            if (await context.EndScopeAsync() is { } late)
            {
                context.Write(error: true, $"disposing a 'using' resource failed: {late.Message}\n");
            }

            context.Flush();
            lock (_interruptGate)
            {
                _running = null;
                _runningContext = null;
            }

            // An interrupt stays pending until the cell's code has stopped: code the cell left running
            // (an abandoned await) meets its next check and stops instead of running the rest of the cell.
            if (context.CodeStopped is { IsCompleted: false } stopping)
            {
                _ = stopping.ContinueWith(_ => Interruption.Clear(context), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            else
            {
                Interruption.Clear(context);
            }
        }

        CellResult Failed(CellError error) => new(CellStatus.Error, null, error, count, clock.Elapsed);
    }

    /// <summary>Stops the running cell, even one that never checks a token; the session keeps its state.</summary>
    public void Interrupt()
    {
        lock (_interruptGate)
        {
            if (_running is null)
            {
                return;
            }

            Interruption.Request(_runningContext!);
            _running.Cancel();
            if (_runningContext!.Thread is { IsAlive: true } thread)
            {
                thread.Interrupt(); // wakes a cell blocked in Sleep/Wait/Join
            }
        }
    }

    private async Task<CellResult> RunCodeAsync(string code, CellContext context, int count, CancellationToken interrupt)
    {
        // The cell is named by a #line directive rather than by ScriptOptions.WithFilePath: a submission with options
        // of its own cannot reuse its predecessor's bound references, and the retained memory then grows with the
        // square of the cell count (294 MiB of managed heap after 300 cells instead of a few; docs/benchmarks.md).
        // Parsed once: the rewrite, the weaving and the "ends in an expression" question all read the same tree.
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions);
        var woven = $"#line 1 \"cell{count}\"\n" + InterruptWeaver.Weave(UsingDeclarations.Rewrite(tree));
        var options = ReferenceEquals(_options, _submittedOptions) ? null : _options;
        _submittedOptions = _options;
        var finished = new TaskCompletionSource<ScriptState<object>>(TaskCreationOptions.RunContinuationsAsynchronously);

        // A thread of our own for the synchronous part of the cell, so Interrupt can wake it when it blocks.
        var thread = new Thread(() =>
        {
            CellContext.Current = context;
            try
            {
                // No token for Roslyn: it would discard the state of a cell that stops on its interrupt, and with
                // it what the cell assigned before (as in IPython, those assignments are kept).
                var run = _state is null
                    ? CSharpScript.Create(woven, _options, typeof(ScriptGlobals)).RunAsync(new ScriptGlobals(), _ => true, CancellationToken.None)
                    : _state.ContinueWithAsync(woven, options, catchException: _ => true, CancellationToken.None);
                run.ContinueWith(t => Complete(finished, t), TaskScheduler.Default);
            }
            catch (Exception e) when (e is CompilationErrorException or OperationCanceledException or ThreadInterruptedException)
            {
                finished.TrySetException(e);
            }
            finally
            {
                // The synchronous part is over: a later Thread.Interrupt must not hit a thread that is now idle.
                context.Thread = null;
            }
        })
        {
            IsBackground = true,
            Name = $"cell {count}",
        };
        context.Thread = thread;
        context.CodeStopped = finished.Task;
        thread.Start();
        var interrupted = Task.Delay(Timeout.Infinite, interrupt);
        var winner = await Task.WhenAny(finished.Task, interrupted);
        if (winner != finished.Task)
        {
            // Code that honours the cell's token (Load.Run, Profiler.Sample) stops within the grace and keeps
            // what the cell assigned before; code that cannot stop (an await on a long delay) is left behind.
            await Task.WhenAny(finished.Task, Task.Delay(InterruptGrace, CancellationToken.None));
            if (!finished.Task.IsCompletedSuccessfully)
            {
                return Interrupted(count);
            }
        }

        ScriptState<object> state;
        try
        {
            state = await finished.Task;
        }
        catch (CompilationErrorException e)
        {
            return new CellResult(CellStatus.Error, null, CellErrorFormatter.FromCompilation(e), count, TimeSpan.Zero);
        }
        catch (Exception e) when (e is OperationCanceledException or ThreadInterruptedException)
        {
            return Interrupted(count);
        }

        _state = state;
        if (state.Exception is { } exception)
        {
            return exception is OperationCanceledException or ThreadInterruptedException && interrupt.IsCancellationRequested
                ? Interrupted(count)
                : new CellResult(CellStatus.Error, null, CellErrorFormatter.FromException(exception), count, TimeSpan.Zero);
        }

        // A cell ending in display(x) has shown x already; its handle is not a result to show again.
        var value = EndsInExpression(tree) && state.ReturnValue is not (null or IDisplayHandle) ? MimeBundle.From(state.ReturnValue) : null;
        return new CellResult(CellStatus.Ok, value, null, count, TimeSpan.Zero);
    }

    /// <summary>A cell shows a result only when it ends in an expression with no semicolon, as in Polyglot.</summary>
    private static bool EndsInExpression(SyntaxTree tree)
    {
        var root = (Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)tree.GetRoot();
        return root.Members.LastOrDefault() is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax { Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true } };
    }

    private static void Complete(TaskCompletionSource<ScriptState<object>> finished, Task<ScriptState<object>> run)
    {
        if (run.IsCompletedSuccessfully)
        {
            finished.TrySetResult(run.Result);
        }
        else if (run.IsCanceled)
        {
            finished.TrySetCanceled();
        }
        else
        {
            finished.TrySetException(run.Exception!.InnerExceptions);
        }
    }

    private static CellResult Interrupted(int count) =>
        new(CellStatus.Interrupted, null, new CellError("OperationCanceledException", "The cell was interrupted.", ["OperationCanceledException: The cell was interrupted."]), count, TimeSpan.Zero);

    private async Task ApplyReferencesAsync(CellSource source, CellContext context, CancellationToken cancellation)
    {
        var added = new List<MetadataReference>();
        foreach (var assembly in source.Assemblies)
        {
            var path = Path.IsPathRooted(assembly) ? assembly : Path.Combine(_workingDirectory, assembly);
            if (!File.Exists(path))
            {
                throw new BadInputException($"#r \"{assembly}\": no such file (looked at {path}); give a path to a .dll, or use #r \"nuget: Name, Version\" for a package.");
            }

            added.Add(MetadataReference.CreateFromFile(path));
        }

        foreach (var package in source.Packages)
        {
            context.Write(error: false, $"Restoring package {package}...\n");
            var dlls = await _packages.RestoreAsync(package, cancellation);
            added.AddRange(dlls.Select(d => MetadataReference.CreateFromFile(d)));
            context.Write(error: false, $"Installed package {package} ({dlls.Count} assemblies).\n");
        }

        if (added.Count > 0)
        {
            _options = _options.AddReferences(added);
        }
    }

    private void RunInformationalMagics(CellSource source, CellContext context)
    {
        foreach (var magic in source.Magics)
        {
            switch (magic)
            {
                case Magic.LsMagic:
                    context.Write(error: false, "Magics: #!time (time the cell), #!who (variable names), #!whos (names, types and values), #!lsmagic (this list).\nDirectives: #r \"path.dll\", #r \"nuget: Name, Version\". Only C# cells run here.\n");
                    break;
                case Magic.Who:
                    context.Write(error: false, string.Join("  ", CurrentVariables().Select(v => v.Name)) + "\n");
                    break;
                case Magic.Whos:
                    var rows = CurrentVariables().Select(v => $"{v.Name,-20} {Short(v.Type),-30} {Short(v.Value?.ToString() ?? "null")}");
                    context.Write(error: false, $"{"Variable",-20} {"Type",-30} Value\n" + string.Join("\n", rows) + "\n");
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The newest value of each variable (a later cell may redeclare a name).</summary>
    private IEnumerable<ScriptVariable> CurrentVariables() =>
        Variables.GroupBy(v => v.Name).Select(g => g.Last()).OrderBy(v => v.Name, StringComparer.Ordinal);

    private static string Short(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Short))}>"
        : type.Name;

    private static string Short(string text) => text.Length > 60 ? text[..57] + "..." : text.ReplaceLineEndings(" ");

    private async Task WarmUpCore()
    {
        // An empty first submission: loads Roslyn, binds the default references and imports.
        _state = await CSharpScript.RunAsync("", _options, new ScriptGlobals(), typeof(ScriptGlobals));
        _submittedOptions = _options;

        // Then, beside the first real cell rather than before it, compile (never run) a continued submission: the
        // first cell after a pause took 0.28 s instead of 0.07 s for what the empty one leaves unjitted. The
        // session's state is unchanged.
        var script = _state.Script;
        _ = Task.Run(() => script.ContinueWith(WarmUpCell, _options).Compile());
    }

    private const string WarmUpCell = "var warm = new[] { 1, 2 }.Select(n => n * 2).Sum(); $\"{warm}\"";
}
