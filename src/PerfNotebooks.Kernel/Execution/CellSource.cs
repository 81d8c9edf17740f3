using System.Text;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>What a cell asks for besides C#: magics, references and packages.</summary>
internal enum Magic
{
    Time,
    Who,
    Whos,
    LsMagic,
}

/// <summary>
/// A cell split into its directives (<c>#!time</c>, <c>#r "nuget: X, 1.0"</c>, <c>#r "a.dll"</c>) and the C#
/// that remains. Directive lines become blank lines so the C# keeps its line numbers.
/// </summary>
internal sealed partial record CellSource(string Code, IReadOnlyList<Magic> Magics, IReadOnlyList<PackageReference> Packages, IReadOnlyList<string> Assemblies, string? ForeignLanguage)
{
    /// <summary>What the cell asked for that the kernel does not do, said once on stderr (the cell still runs).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static readonly string[] KnownMagics = ["#!time", "#!who", "#!whos", "#!lsmagic", "#!csharp", "#!c#"];

    private static readonly HashSet<string> ForeignKernels = new(StringComparer.OrdinalIgnoreCase)
    {
        "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql", "mermaid", "python", "r", "value", "markdown", "md", "http",
    };

    public static CellSource Parse(string cell)
    {
        var magics = new List<Magic>();
        var packages = new List<PackageReference>();
        var assemblies = new List<string>();
        var notes = new List<string>();
        var code = new StringBuilder(cell.Length);
        string? foreign = null;
        var lines = cell.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            var keep = false;
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = trimmed[2..].Split(' ', 2)[0];
                switch (name.ToLowerInvariant())
                {
                    case "time": magics.Add(Magic.Time); break;
                    case "who": magics.Add(Magic.Who); break;
                    case "whos": magics.Add(Magic.Whos); break;
                    case "lsmagic": magics.Add(Magic.LsMagic); break;
                    case "csharp" or "c#": break;
                    default:
                        foreign ??= ForeignKernels.Contains(name) ? name : "#!" + name;
                        break;
                }
            }
            else if (ReferenceDirective().Match(trimmed) is { Success: true } reference)
            {
                var target = reference.Groups["target"].Value.Trim();
                if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                {
                    packages.Add(PackageReference.Parse(target["nuget:".Length..]));
                }
                else
                {
                    assemblies.Add(target);
                }
            }
            else if (trimmed.StartsWith("#i ", StringComparison.Ordinal))
            {
                notes.Add($"{trimmed}: package sources are not added per notebook; #r \"nuget: ...\" restores from the machine's NuGet configuration (nuget.config).");
            }
            else
            {
                keep = true;
            }

            code.Append(keep ? line : "");
            if (i < lines.Length - 1)
            {
                code.Append('\n');
            }
        }

        return new CellSource(code.ToString(), magics, packages, assemblies, foreign) { Notes = notes };
    }

    [GeneratedRegex("""^#r\s+"(?<target>[^"]+)"\s*$""")]
    private static partial Regex ReferenceDirective();
}

/// <summary>A <c>#r "nuget: Name, Version"</c> request.</summary>
internal sealed record PackageReference(string Name, string? Version)
{
    public static PackageReference Parse(string text)
    {
        var parts = text.Split(',', 2, StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            throw new BadInputException("#r \"nuget: ...\" needs a package name, e.g. #r \"nuget: Humanizer, 2.14.1\".");
        }

        return new PackageReference(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    public override string ToString() => Version is null ? Name : $"{Name} {Version}";
}
