using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// A symbol's XML documentation as readable text. Found in the cell's own <c>///</c> comments, beside the
/// referenced assembly (our library ships its .xml, as do most packages), or in the .NET targeting pack:
/// the runtime's own folder has no XML docs, the SDK's reference pack does.
/// </summary>
internal static class XmlDocumentation
{
    private static readonly Lazy<string?> ReferencePack = new(FindReferencePack);

    // Files are scanned, not loaded (System.Runtime.xml is 7 MB): only what was asked for is kept.
    private static readonly ConcurrentDictionary<string, XElement?> Found = new(StringComparer.Ordinal);

    /// <summary>The <c>&lt;member&gt;</c> element documenting the symbol, or null when none ships.</summary>
    public static XElement? For(ISymbol symbol, Compilation compilation)
    {
        if (Parse(symbol.GetDocumentationCommentXml()) is { } own)
        {
            return own;
        }

        var definition = symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol.OriginalDefinition;
        if (definition.GetDocumentationCommentId() is not { } id)
        {
            return null;
        }

        return Found.GetOrAdd(id, _ => CandidateFiles(definition, compilation).Distinct(StringComparer.Ordinal).Select(f => Scan(f, id)).FirstOrDefault(e => e is not null));
    }

    /// <summary>Summary, parameters and return value as plain text, one block each.</summary>
    public static string? Describe(XElement member, ISymbol symbol)
    {
        var text = new StringBuilder();
        if (member.Element("summary") is { } summary)
        {
            text.Append(Text(summary));
        }

        var parameters = symbol is IMethodSymbol or IPropertySymbol ? member.Elements("param").ToList() : [];
        if (parameters.Count > 0)
        {
            text.Append("\n\nParameters:");
            foreach (var parameter in parameters)
            {
                text.Append("\n  ").Append((string?)parameter.Attribute("name")).Append(": ").Append(Text(parameter));
            }
        }

        if (member.Element("returns") is { } returns && Text(returns) is { Length: > 0 } result)
        {
            text.Append("\n\nReturns: ").Append(result);
        }

        return text.Length == 0 ? null : text.ToString().Trim();
    }

    private static IEnumerable<string> CandidateFiles(ISymbol symbol, Compilation compilation)
    {
        if (symbol.ContainingAssembly is not { } assembly)
        {
            yield break;
        }

        if (compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path })
        {
            yield return Path.ChangeExtension(path, ".xml");
        }

        if (ReferencePack.Value is not { } pack)
        {
            yield break;
        }

        yield return Path.Combine(pack, assembly.Name + ".xml");

        // Implementation assemblies are cut differently from reference ones: CoreLib's types are documented in
        // System.Runtime.xml, others in the file named after their namespace (System.Collections.Concurrent.xml).
        yield return Path.Combine(pack, "System.Runtime.xml");
        for (var ns = symbol.ContainingNamespace?.ToDisplayString() ?? ""; ns.Contains('.', StringComparison.Ordinal); ns = ns[..ns.LastIndexOf('.')])
        {
            yield return Path.Combine(pack, ns + ".xml");
        }
    }

    private static XElement? Scan(string file, string id)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            while (reader.ReadToFollowing("member"))
            {
                if (reader.GetAttribute("name") == id)
                {
                    return (XElement)XNode.ReadFrom(reader);
                }
            }
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // A damaged or unreadable docs file only costs the tooltip its text.
        }

        return null;
    }

    private static XElement? Parse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Doc-comment markup as prose: <c>&lt;see cref="T:System.String"/&gt;</c> reads "String".</summary>
    private static string Text(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var target = (string?)see.Attribute("langword") ?? (string?)see.Attribute("cref") ?? (string?)see.Attribute("href") ?? "";
                    text.Append(see.Value.Length > 0 ? see.Value : ShortName(target));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append((string?)reference.Attribute("name"));
                    break;
                case XElement { Name.LocalName: "para" or "br" } paragraph:
                    text.Append('\n').Append(Text(paragraph)).Append('\n');
                    break;
                case XElement nested:
                    text.Append(Text(nested));
                    break;
                default:
                    break;
            }
        }

        return string.Join('\n', text.ToString().Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0));
    }

    /// <summary>"T:System.String" reads "String", "M:System.Math.Max(System.Int32,System.Int32)" reads "Math.Max".</summary>
    private static string ShortName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        if (name.IndexOf('(', StringComparison.Ordinal) is var paren and >= 0)
        {
            name = name[..paren];
        }

        var parts = name.Split('.');
        var shown = string.Join('.', parts.TakeLast(cref.StartsWith("T:", StringComparison.Ordinal) ? 1 : 2));
        return System.Text.RegularExpressions.Regex.Replace(shown, "`+[0-9]+", "");
    }

    /// <summary>DOTNET_ROOT/packs/Microsoft.NETCore.App.Ref/&lt;newest of our major&gt;/ref/net&lt;major&gt;.0</summary>
    private static string? FindReferencePack()
    {
        var major = Environment.Version.Major;
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location); // ROOT/shared/Microsoft.NETCore.App/10.0.x
        var roots = new[] { Environment.GetEnvironmentVariable("DOTNET_ROOT"), runtimeFolder is null ? null : Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", "..")) };
        foreach (var root in roots.OfType<string>().Where(r => r.Length > 0))
        {
            var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(packs))
            {
                continue;
            }

            var newest = Directory.EnumerateDirectories(packs)
                .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(p => p.Version?.Major == major)
                .OrderByDescending(p => p.Version)
                .Select(p => Path.Combine(p.Folder, "ref", $"net{major}.0"))
                .FirstOrDefault(Directory.Exists);
            if (newest is not null)
            {
                return newest;
            }
        }

        return null;
    }
}
