using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PerfNotebooks.SampleServers.Interview;

/// <summary>
/// Interview mode: the server serves a scenario it must not name. The launcher writes the scenario and the endpoint's
/// path as the first line of stdin (never argv, never the environment: both are readable in /proc), and every surface
/// the candidate sees shows neutral words instead: the exercise file is Service.cs in a neutral namespace, without the
/// comments that explain the bug or its fix, and the endpoint answers at the given path only.
/// </summary>
internal sealed partial class InterviewDisguise
{
    /// <summary>Set to 1 by the launcher: the first line of stdin is "SCENARIO /PATH".</summary>
    public const string Variable = "PERFNB_INTERVIEW";

    /// <summary>What /health, /debug/stats, /admin and the ready line say instead of the scenario and its mode.</summary>
    public const string Undisclosed = "undisclosed";

    public const string FileName = "Service.cs";

    private const string ShownNamespace = "PerfNotebooks.SampleServers.Service";

    private InterviewDisguise(string scenario, string path)
    {
        Scenario = scenario;
        Path = path;
    }

    public string Scenario { get; }

    /// <summary>The endpoint's path in this interview, e.g. /api/v2/ledger.</summary>
    public string Path { get; }

    /// <summary>Reads the launcher's line; a malformed one throws <see cref="ArgumentException"/> (exit 2).</summary>
    public static InterviewDisguise Parse(string? line)
    {
        var parts = (line ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !ScenarioCatalog.Names.Contains(parts[0]) || !RoutePath().IsMatch(parts[1]))
        {
            throw new ArgumentException($"{Variable}=1 needs 'SCENARIO /path' as the first line of stdin (a known scenario, a path of letters, digits, '/' and '-')");
        }

        return new InterviewDisguise(parts[0], parts[1]);
    }

    /// <summary>The exercise file as the candidate reads it: no comments, the neutral namespace.</summary>
    public static string Show(string source, string realNamespace)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var stripped = root.ReplaceTokens(root.DescendantTokens(descendIntoTrivia: false), (token, _) =>
            token.WithLeadingTrivia(WithoutComments(token.LeadingTrivia)).WithTrailingTrivia(WithoutComments(token.TrailingTrivia)));
        var lines = stripped.ToFullString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        var shown = string.Join('\n', lines).Replace("namespace " + realNamespace + ";", "namespace " + ShownNamespace + ";", StringComparison.Ordinal);

        // A comment's own line becomes blank; runs of blank lines fold into one.
        return BlankRuns().Replace(shown, "\n\n").Trim('\n') + "\n";
    }

    /// <summary>A submitted file back in the scenario's real namespace, so it compiles against the server's types (same lines).</summary>
    public static string Restore(string source, string realNamespace) =>
        source.Replace("namespace " + ShownNamespace, "namespace " + realNamespace, StringComparison.Ordinal);

    /// <summary>A stack frame or message in the neutral namespace.</summary>
    public static string Hide(string text, string realNamespace) =>
        text.Replace(realNamespace, ShownNamespace, StringComparison.Ordinal);

    private static SyntaxTriviaList WithoutComments(SyntaxTriviaList trivia)
    {
        var kept = new List<SyntaxTrivia>();
        for (var i = 0; i < trivia.Count; i++)
        {
            // The indentation before a comment goes with it, so the next line keeps its own.
            if (IsComment(trivia[i]) || (trivia[i].IsKind(SyntaxKind.WhitespaceTrivia) && i + 1 < trivia.Count && IsComment(trivia[i + 1])))
            {
                continue;
            }

            kept.Add(trivia[i]);
        }

        return SyntaxFactory.TriviaList(kept);
    }

    private static bool IsComment(SyntaxTrivia t) =>
        t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
        || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);

    [GeneratedRegex("^/[a-z0-9][a-z0-9/-]{0,60}$")]
    private static partial Regex RoutePath();

    [GeneratedRegex("\n{3,}")]
    private static partial Regex BlankRuns();
}
