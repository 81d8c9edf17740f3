using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Jupyter's is_complete question for a cell: "complete" (run it), "incomplete" (the user is still typing:
/// an open block, bracket, string or comment, or an operator waiting for its operand) or "invalid" (an
/// error no further typing can fix, such as <c>int = 7q;</c>).
/// </summary>
public static class Completeness
{
    public sealed record Verdict(string Status, string? Indent);

    // Unterminated literals and comments: errors reported where they start, fixed by typing on.
    private static readonly HashSet<string> OpenLiterals = ["CS1010", "CS1039", "CS1035", "CS8997", "CS9002"];

    public static Verdict Of(string code)
    {
        var source = CellSource.Parse(code).Code;
        var tree = CSharpSyntaxTree.ParseText(source, CSharpSession.ParseOptions);
        var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0 && SyntaxFactory.IsCompleteSubmission(tree))
        {
            return new Verdict("complete", null);
        }

        // Only errors at the very end ("} expected", "expression expected") or open literals can still be typed away.
        var end = source.TrimEnd().Length;
        return errors.All(d => d.Location.SourceSpan.Start >= end || OpenLiterals.Contains(d.Id))
            ? new Verdict("incomplete", new string(' ', 4 * OpenBraces(tree)))
            : new Verdict("invalid", null);
    }

    private static int OpenBraces(SyntaxTree tree)
    {
        var depth = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing)
            {
                continue;
            }

            if (token.IsKind(SyntaxKind.OpenBraceToken))
            {
                depth++;
            }
            else if (token.IsKind(SyntaxKind.CloseBraceToken))
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return depth;
    }
}
