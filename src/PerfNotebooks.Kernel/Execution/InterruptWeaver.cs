using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Rewrites a cell so every loop body and method body starts with <see cref="Interruption.Check"/>, and
/// code that can resume after an <c>await</c> (top-level statements, async methods and lambdas) checks
/// after each statement: an interrupted cell abandoned in <c>await Task.Delay(60000)</c> must not run its
/// remaining statements when the delay ends. Checks go on the same line (after the statement, before
/// its comment), so compile errors and stack traces keep the cell's line and column numbers.
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

    private static bool HasBodies(SyntaxNode root) =>
        root.ChildNodes().OfType<GlobalStatementSyntax>().Skip(1).Any() || root.DescendantNodes().Any(n =>
            n is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
                or BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or BlockSyntax);

    public override SyntaxNode? VisitCompilationUnit(CompilationUnitSyntax node)
    {
        var visited = (CompilationUnitSyntax)base.VisitCompilationUnit(node)!;
        var members = new List<MemberDeclarationSyntax>();
        for (var i = 0; i < visited.Members.Count; i++)
        {
            var member = visited.Members[i];
            var followedByCode = i + 1 < visited.Members.Count && RunsInOrder(visited.Members[i + 1]);
            if (followedByCode && RunsInOrder(member) && (member is not GlobalStatementSyntax global || ChecksAfter(global.Statement)))
            {
                var check = SyntaxFactory.GlobalStatement(CheckStatement);
                members.Add(member.WithTrailingTrivia(SyntaxFactory.Space));
                members.Add(check.WithTrailingTrivia(member.GetTrailingTrivia()));
            }
            else
            {
                members.Add(member);
            }
        }

        return visited.WithMembers(SyntaxFactory.List(members));
    }

    public override SyntaxNode? VisitBlock(BlockSyntax node)
    {
        var visited = (BlockSyntax)base.VisitBlock(node)!;
        if (!CanResumeAfterAwait(node))
        {
            return visited;
        }

        var statements = new List<StatementSyntax>();
        for (var i = 0; i < visited.Statements.Count; i++)
        {
            var statement = visited.Statements[i];
            if (ChecksAfter(statement) && i + 1 < visited.Statements.Count)
            {
                statements.Add(statement.WithTrailingTrivia(SyntaxFactory.Space));
                statements.Add(CheckStatement.WithTrailingTrivia(statement.GetTrailingTrivia()));
            }
            else
            {
                statements.Add(statement);
            }
        }

        return visited.WithStatements(SyntaxFactory.List(statements));
    }

    /// <summary>Top-level code and async functions; never catch or finally blocks, whose clean-up must run to the end.</summary>
    private static bool CanResumeAfterAwait(BlockSyntax block)
    {
        foreach (var ancestor in block.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case FinallyClauseSyntax or CatchClauseSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax lambda:
                    return lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case BaseMethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case AccessorDeclarationSyntax or BasePropertyDeclarationSyntax:
                    return false;
                default:
                    break;
            }
        }

        return true;
    }

    /// <summary>A top-level statement, or a top-level variable (a script makes it a field; its initializer runs in order).</summary>
    private static bool RunsInOrder(MemberDeclarationSyntax member) => member is GlobalStatementSyntax or FieldDeclarationSyntax;

    /// <summary>No check after a jump (it would be unreachable) or a declaration of a local function.</summary>
    private static bool ChecksAfter(StatementSyntax statement) =>
        statement is not (ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax
            or GotoStatementSyntax or YieldStatementSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax);

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
