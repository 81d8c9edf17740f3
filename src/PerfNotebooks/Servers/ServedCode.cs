using System.Globalization;
using System.Text.RegularExpressions;
using PerfNotebooks.Display;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Servers;

/// <summary>
/// What happened when a cell's version of the exercise went live: compiled in how long, and how the first request
/// to the trigger URL went. A 500 there is the learner's bug: their exception with their cell's lines.
/// </summary>
public sealed partial class ServedCode : IHtmlRenderable
{
    internal ServedCode(string fileName, string code, TimeSpan compileTime, TimeSpan liveAfter, int status, LearnerException? exception)
    {
        FileName = fileName;
        Code = code;
        CompileTime = compileTime;
        LiveAfter = liveAfter;
        FirstStatus = status;
        Exception = exception;
    }

    public string FileName { get; }

    /// <summary>The code that was served, to serve again later (e.g. in a before/after comparison).</summary>
    public string Code { get; }

    /// <summary>Compiling and loading in the server.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>From sending the code to the first answer from it.</summary>
    public TimeSpan LiveAfter { get; }

    /// <summary>The HTTP status of the first request to the trigger URL with the new code.</summary>
    public int FirstStatus { get; }

    /// <summary>The exception the new code threw on that request, if it did.</summary>
    public LearnerException? Exception { get; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"serving your {FileName} (compiled in {CompileTime.TotalMilliseconds:0} ms, answering after {LiveAfter.TotalMilliseconds:0} ms): first request {FirstStatus}")
        + (Exception is null ? "" : "\n" + Exception);

    public string ToHtml()
    {
        var html = new ResultHtml("Serving your code", FileName);
        html.Facts(
            ("compiled in", FormattableString.Invariant($"{Number(CompileTime.TotalMilliseconds, "0")} ms")),
            ("answering after", FormattableString.Invariant($"{Number(LiveAfter.TotalMilliseconds, "0")} ms")),
            ("first request", new Cell(FirstStatus.ToString(CultureInfo.InvariantCulture), FirstStatus < 400 ? Tone.Good : Tone.Bad)));
        if (Exception is not null)
        {
            html.Warning(Exception.ToString());
        }

        return html.ToString();
    }

    /// <summary>Rewrites "in File.cs:line N" (.NET), "(file.js:N:C)" (Node) or "file.go:N" (Go) of the server's stack to the learner's cell lines.</summary>
    internal static string ToCellLines(string frame, string fileName, int firstCellLine) =>
        firstCellLine <= 0 ? frame : FileLine().Replace(frame, m => m.Groups["file"].Value == fileName
            ? $"cell line {int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture) + firstCellLine - 1}"
            : m.Value);

    [GeneratedRegex(@"(?<file>[\w.-]+\.(?:cs|js|go)):(?:line )?(?<line>\d+)(?::\d+)?")]
    private static partial Regex FileLine();
}

/// <summary>An exception thrown by the learner's code in the server, with the frames of their code.</summary>
public sealed record LearnerException(string Type, string Message, IReadOnlyList<string> Stack)
{
    public override string ToString() => $"your code threw {Type}: {Message}" + string.Concat(Stack.Select(f => "\n   " + f));
}
