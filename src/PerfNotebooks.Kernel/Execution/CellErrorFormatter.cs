using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>Turns compile errors and exceptions into short, readable Jupyter errors.</summary>
internal static partial class CellErrorFormatter
{
    public static CellError FromCompilation(CompilationErrorException e)
    {
        var lines = e.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var span = d.Location.GetMappedLineSpan(); // the cell's own lines (#line)
                var (id, message) = AsWritten(d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                return $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {id}: {message}";
            })
            .ToList();
        return new CellError("CompilationError", lines.FirstOrDefault() ?? e.Message, lines);
    }

    // A top-level "using var" runs as CellScope.Using(...) (see UsingDeclarations): report a resource that is not
    // disposable in the words C# uses for the code the user wrote, not in terms of our rewrite.
    private static (string Id, string Message) AsWritten(string id, string message)
    {
        var rewritten = RewrittenUsing().Match(message);
        if (!rewritten.Success)
        {
            return (id, message);
        }

        var type = rewritten.Groups["type"].Value;
        return rewritten.Groups["await"].Success
            ? ("CS8410", $"'{type}': type used in an asynchronous using statement must implement 'System.IAsyncDisposable' or implement a suitable 'DisposeAsync' method.")
            : ("CS1674", $"'{type}': type used in a using statement must implement 'System.IDisposable'.");
    }

    public static CellError FromException(Exception e)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            e = aggregate.InnerExceptions[0];
        }

        var traceback = new List<string> { $"{e.GetType().FullName}: {e.Message}" };
        traceback.AddRange(UserFrames(e));
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        }

        return new CellError(e.GetType().Name, e.Message, traceback);
    }

    /// <summary>Stack frames without Roslyn's submission plumbing or runtime async machinery.</summary>
    private static IEnumerable<string> UserFrames(Exception e)
    {
        foreach (var raw in (e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)
                || raw.Contains("System.Runtime.CompilerServices", StringComparison.Ordinal)
                || raw.Contains("System.Runtime.ExceptionServices", StringComparison.Ordinal)
                || raw.Contains("PerfNotebooks.Kernel.Execution.Interruption.Check", StringComparison.Ordinal)
                || raw.StartsWith("--- End of stack trace", StringComparison.Ordinal))
            {
                continue;
            }

            var frame = SubmissionFrame().Replace(raw, m => m.Groups["member"].Value is "Initialize" or "<Initialize>" or "" ? "<cell>" : m.Groups["member"].Value);
            frame = CellFile().Replace(frame, m => $"in cell [{m.Groups["n"].Value}]");
            yield return "   " + frame;
        }
    }

    [GeneratedRegex(@"^The type '(?<type>[^']+)' cannot be used as type parameter 'T' in the generic type or method 'CellScope\.(?<await>Await)?Using<T>\(T\)'")]
    private static partial Regex RewrittenUsing();

    [GeneratedRegex(@"Submission#\d+\.(<<(?<member>[^>]+)>[^\s(]*|(?<member>[\w<>]+))")]
    private static partial Regex SubmissionFrame();

    [GeneratedRegex(@"in \S*?cell(?<n>\d+)(?=:line)")]
    private static partial Regex CellFile();
}
