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
                return Describe(symbol, model.Compilation);
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

    // "int Math.Max(int val1, int val2)"; types keep their namespace ("class System.Console").
    private static readonly SymbolDisplayFormat MemberFormat = Format(SymbolDisplayTypeQualificationStyle.NameAndContainingTypes);

    private static readonly SymbolDisplayFormat TypeFormat = Format(SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    // A variable's type reads as in its declaration: "List<int> numbers", not "class List<int> numbers".
    private static readonly SymbolDisplayFormat VariableTypeFormat = Format(SymbolDisplayTypeQualificationStyle.NameAndContainingTypes, SymbolDisplayKindOptions.None);

    private static SymbolDisplayFormat Format(SymbolDisplayTypeQualificationStyle qualification, SymbolDisplayKindOptions kinds = SymbolDisplayKindOptions.IncludeTypeKeyword) => new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: qualification,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        kindOptions: kinds,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Signature, then the XML docs; a variable of an earlier cell shows its type and current value instead.</summary>
    private Inspection Describe(ISymbol symbol, Compilation compilation)
    {
        if (symbol is IFieldSymbol { ContainingType.IsScriptClass: true } variable)
        {
            return DescribeVariable(variable);
        }

        if (symbol is ILocalSymbol local)
        {
            return new Inspection(local.Type.ToDisplayString(VariableTypeFormat) + " " + local.Name, null);
        }

        var signature = symbol.ToDisplayString(symbol is ITypeSymbol ? TypeFormat : MemberFormat);
        var docs = XmlDocumentation.For(symbol, compilation) is { } member ? XmlDocumentation.Describe(member, symbol) : null;
        return new Inspection(signature, docs);
    }

    private Inspection DescribeVariable(IFieldSymbol variable)
    {
        var declared = variable.Type.ToDisplayString(VariableTypeFormat);
        var signature = declared + " " + variable.Name;
        if (session.Variables.LastOrDefault(v => v.Name == variable.Name) is not { } current)
        {
            return new Inspection(signature, null);
        }

        var value = current.Value;
        var text = value is null ? "null" : (string?)MimeBundle.From(value).Data["text/plain"] ?? value.ToString() ?? "";
        if (text.Length > 2000)
        {
            text = text[..2000] + " …";
        }

        var runtime = value?.GetType();
        var declaredName = $"{variable.Type.ContainingNamespace?.ToDisplayString()}.{variable.Type.MetadataName}";
        var runtimeName = runtime is { IsGenericType: true } ? runtime.GetGenericTypeDefinition().FullName : runtime?.FullName;
        var holds = runtime is not null && runtimeName != declaredName ? $" (value's type: {runtime.Name})" : "";
        return new Inspection(signature + holds, "Value: " + text);
    }
}
