using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Rewrites a cell so every loop body and method body starts with <see cref="Interruption.Check"/>.
/// Nothing is inserted across lines, so compile errors and stack traces keep the cell's line numbers.
/// </summary>
internal sealed class InterruptWeaver : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax CheckStatement =
        SyntaxFactory.ParseStatement("global::PerfNotebooks.Kernel.Execution.Interruption.Check();");

    public static string Weave(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        return HasBodies(root) ? new InterruptWeaver().Visit(root).ToFullString() : root.ToFullString();
    }

    private static bool HasBodies(SyntaxNode root) => root.DescendantNodes().Any(n =>
        n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
            or BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement));
    }

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return visited.Body is null ? visited : visited.WithBody(Prepend(visited.Body));
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return visited.Body is null ? visited : visited.WithBody(Prepend(visited.Body));
    }

    private static BlockSyntax Guard(StatementSyntax body) => body is BlockSyntax block
        ? Prepend(block)
        : SyntaxFactory.Block(CheckStatement, body)
            .WithLeadingTrivia(body.GetLeadingTrivia())
            .WithTrailingTrivia(body.GetTrailingTrivia());

    private static BlockSyntax Prepend(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, CheckStatement));
}
