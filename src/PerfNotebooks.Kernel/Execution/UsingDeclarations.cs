using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Makes <c>using var x = ...;</c> and <c>await using var x = ...;</c> work at the top level of a cell. C# scripts
/// read a top-level <c>using</c> as a using directive, so the declaration does not parse; it becomes
/// <c>var x = CellScope.Using(...);</c>, disposed when the cell ends, as a block's using declaration would be.
/// Nothing is inserted across lines, so compile errors keep the cell's line numbers.
/// </summary>
internal static class UsingDeclarations
{
    private const string Scope = "global::PerfNotebooks.Kernel.Execution.CellScope";

    /// <summary>The tree with its top-level using declarations rewritten, or the same tree when it has none.</summary>
    public static SyntaxTree Rewrite(SyntaxTree tree)
    {
        // A top-level using declaration never parses cleanly: a cell without errors has none (the usual case).
        if (!tree.GetRoot().ContainsDiagnostics)
        {
            return tree;
        }

        // Where the declaration comes first the parser makes it a broken using directive; after a statement its
        // tokens end up skipped. Both are top-level: a using inside a block parses as the C# it is.
        var candidates = tree.GetRoot().DescendantTokens(descendIntoTrivia: true)
            .Where(t => t.IsKind(SyntaxKind.UsingKeyword)
                && (t.Parent is UsingDirectiveSyntax { ContainsDiagnostics: true } || t.Parent is SkippedTokensTriviaSyntax))
            .Select(t => t.Span)
            .ToList();
        if (candidates.Count == 0)
        {
            return tree;
        }

        // Last first, so earlier offsets stay valid.
        var code = tree.GetText().ToString();
        foreach (var usingKeyword in candidates.OrderByDescending(s => s.Start))
        {
            code = RewriteOne(code, usingKeyword) ?? code;
        }

        return CSharpSyntaxTree.ParseText(code, (CSharpParseOptions)tree.Options);
    }

    private static string? RewriteOne(string code, Microsoft.CodeAnalysis.Text.TextSpan usingKeyword)
    {
        var rest = code[usingKeyword.End..];
        if (SyntaxFactory.ParseStatement(rest, consumeFullText: false) is not LocalDeclarationStatementSyntax declaration
            || declaration.ContainsDiagnostics
            || declaration.Declaration.Variables.Any(v => v.Initializer is null))
        {
            return null; // not a declaration: leave the compiler's own error in place
        }

        var awaitStart = AwaitBefore(code, usingKeyword.Start);
        var start = awaitStart ?? usingKeyword.Start;
        var register = awaitStart is null ? "Using" : "AwaitUsing";
        var rewritten = declaration.ReplaceNodes(
            declaration.Declaration.Variables.Select(v => v.Initializer!.Value),
            (original, _) => SyntaxFactory.ParseExpression($"{Scope}.{register}({original.ToFullString()})"));
        var end = usingKeyword.End + declaration.Span.End;
        return string.Concat(code.AsSpan(0, start), rewritten.ToString().TrimStart(), code.AsSpan(end));
    }

    // "await using var": the await was read as part of something else; find it just before the using keyword.
    private static int? AwaitBefore(string code, int usingStart)
    {
        var i = usingStart - 1;
        while (i >= 0 && char.IsWhiteSpace(code[i]))
        {
            i--;
        }

        const string Await = "await";
        var awaitStart = i - Await.Length + 1;
        return awaitStart >= 0
            && string.CompareOrdinal(code, awaitStart, Await, 0, Await.Length) == 0
            && (awaitStart == 0 || !(char.IsLetterOrDigit(code[awaitStart - 1]) || code[awaitStart - 1] == '_'))
            ? awaitStart
            : null;
    }
}
