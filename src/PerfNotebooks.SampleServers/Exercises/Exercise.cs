using System.Reflection;

namespace PerfNotebooks.SampleServers.Exercises;

/// <summary>
/// The one source file a scenario's learner rewrites: its original text (shipped inside the server), the code being
/// served now (the original compiled with the server, or a version compiled at run time), and the swap between them.
/// </summary>
internal sealed class Exercise
{
    // Set for one request by LearnerExceptions when the checker asks the reference (keyed) instead of the served code.
    private static readonly AsyncLocal<bool> AskingReference = new();

    private volatile Served _original;
    private volatile Served _current;
    private volatile Served? _reference;

    /// <param name="scenario">The scenario's name, e.g. n-plus-one.</param>
    /// <param name="fileName">The file's name as learners see it, e.g. UsersWithOrders.cs.</param>
    /// <param name="entry">The method the endpoint calls; a new version must keep its class, name and signature.</param>
    /// <param name="entryType">The delegate type the endpoint calls it through.</param>
    public Exercise(string scenario, string fileName, MethodInfo entry, Type entryType)
    {
        Scenario = scenario;
        FileName = fileName;
        EntryClass = entry.DeclaringType!.FullName!;
        Namespace = entry.DeclaringType.Namespace!;
        EntryMethod = entry.Name;
        EntryType = entryType;
        Source = ReadSource(scenario);
        _original = _current = new Served(entry.CreateDelegate(entryType), "buggy", null);
    }

    public string Scenario { get; }

    public string FileName { get; private set; }

    /// <summary>The entry class's namespace, e.g. PerfNotebooks.SampleServers.NPlusOne.</summary>
    public string Namespace { get; }

    public string EntryClass { get; }

    public string EntryMethod { get; }

    public Type EntryType { get; }

    /// <summary>The original file, exactly as compiled into the server.</summary>
    public string Source { get; private set; }

    /// <summary>"buggy" for the original, otherwise the label the loaded version was given ("learner", "fixed").</summary>
    public string Mode => _current.Label;

    /// <summary>Whether a version compiled at run time is being served (its exceptions are the learner's).</summary>
    public bool IsReplaced => _current.Code is not null && _current != _original;

    /// <summary>The served version's entry point, read once per request so a swap never splits one.</summary>
    public T Entry<T>()
        where T : Delegate => (T)((AskingReference.Value ? _reference : null) ?? _current).Entry;

    /// <summary>
    /// Keeps <paramref name="code"/> beside the served code: requests the checker marks answer from it, so the
    /// learner's code and the reference run on the same data, process and warm compiler.
    /// </summary>
    public void KeepReference(CompiledExercise code)
    {
        var previous = _reference;
        _reference = new Served(code.Entry, "reference", code);
        previous?.Code?.Unload();
    }

    /// <summary>Marks the current request (and what it awaits) as asking the reference.</summary>
    public static void AskReference() => AskingReference.Value = true;

    /// <summary>Serves <paramref name="code"/> from now on; the previous replacement's code can then be unloaded.</summary>
    public void Serve(CompiledExercise code, string label)
    {
        var previous = _current;
        _current = new Served(code.Entry, label, code);
        if (previous != _original)
        {
            previous.Code?.Unload();
        }
    }

    /// <summary>Back to the original code.</summary>
    public void Reset()
    {
        var previous = _current;
        _current = _original;
        if (previous != _original)
        {
            previous.Code?.Unload();
        }
    }

    /// <summary>Interview mode: the file is shown under another name (stack frames and compile errors use it too).</summary>
    public void Rename(string fileName) => FileName = fileName;

    /// <summary>
    /// Interview mode's healthy server: <paramref name="code"/> becomes the original, served as "buggy" and shown as
    /// the file, so nothing tells it from a server with a bug.
    /// </summary>
    public void Rebase(CompiledExercise code, string source)
    {
        var previous = _current;
        _original = _current = new Served(code.Entry, "buggy", code);
        Source = source;
        previous.Code?.Unload();
    }

    private static string ReadSource(string scenario)
    {
        using var stream = typeof(Exercise).Assembly.GetManifestResourceStream("exercise/" + scenario + ".cs")
            ?? throw new InvalidOperationException($"the server was built without the exercise source of '{scenario}'");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Served(Delegate Entry, string Label, CompiledExercise? Code);
}
