using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>Completion and inspection for a cell, against the session's current state (is_complete: <see cref="Completeness"/>).</summary>
public sealed class CodeAssistant(CSharpSession session)
{
    public sealed record Completions(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);

    public sealed record Inspection(string Signature, string? Documentation);

    public async Task<Completions> CompleteAsync(string code, int cursor)
    {
        await session.WarmUpAsync();
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        var prefix = code[start..cursor];
        var (model, tree) = Analyze(code);
        var position = start;
        IEnumerable<ISymbol> symbols;
        var token = tree.GetRoot().FindToken(Math.Max(0, start - 1));
        if (start > 0 && code[start - 1] == '.' && token.Parent is MemberAccessExpressionSyntax access)
        {
            symbols = MembersOf(model, access.Expression, position);
        }
        else if (start > 0 && code[start - 1] == '.' && token.Parent is QualifiedNameSyntax qualified)
        {
            symbols = MembersOf(model, qualified.Left, position);
        }
        else
        {
            symbols = model.LookupSymbols(position);
        }

        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => !n.StartsWith(prefix, StringComparison.Ordinal))
            .ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Take(500)
            .ToList();
        return new Completions(matches, start, cursor);
    }

    public async Task<Inspection?> InspectAsync(string code, int cursor)
    {
        await session.WarmUpAsync();
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (model, tree) = Analyze(code);
        var token = tree.GetRoot().FindToken(Math.Max(0, cursor > 0 && (cursor == code.Length || !char.IsLetterOrDigit(code[cursor])) ? cursor - 1 : cursor));
        var node = token.Parent;
        while (node is not null)
        {
            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (symbol is not null)
            {
                return new Inspection(symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), Summary(symbol));
            }

            if (node is StatementSyntax)
            {
                break;
            }

            node = node.Parent;
        }

        return null;
    }

    private static IEnumerable<ISymbol> MembersOf(SemanticModel model, ExpressionSyntax expression, int position)
    {
        var symbol = model.GetSymbolInfo(expression).Symbol;
        switch (symbol)
        {
            case INamespaceSymbol ns:
                return model.LookupNamespacesAndTypes(position, ns);
            case INamedTypeSymbol type:
                return model.LookupStaticMembers(position, type);
            default:
                var instanceType = model.GetTypeInfo(expression).Type;
                return instanceType is null
                    ? []
                    : model.LookupSymbols(position, instanceType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
        }
    }

    private (SemanticModel Model, SyntaxTree Tree) Analyze(string code)
    {
        var previous = session.State?.Script.GetCompilation() ?? throw new InvalidOperationException("The session has not warmed up.");
        var tree = CSharpSyntaxTree.ParseText(code, CSharpSession.ParseOptions);
        var compilation = CSharpCompilation.CreateScriptCompilation(
            "completion",
            tree,
            previous.References.Concat(session.Options.MetadataReferences).Distinct(),
            (CSharpCompilationOptions)previous.Options,
            (CSharpCompilation)previous,
            typeof(object),
            typeof(ScriptGlobals));
        return (compilation.GetSemanticModel(tree), tree);
    }

    private static string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml();
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            return XElement.Parse(xml).Element("summary")?.Value.Trim();
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }
}
