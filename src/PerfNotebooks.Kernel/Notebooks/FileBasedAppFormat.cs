using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>
/// A C# file-based app (<c>dotnet run app.cs</c>), the migration target Microsoft names for notebook users.
/// Cells are kept as <c>// %%</c> sections (the percent format editors understand), packages become
/// <c>#:package</c> directives, type declarations move after the statements as C# requires, and a small
/// <c>display</c> shim prints what a notebook would have shown.
/// </summary>
public sealed partial class FileBasedAppFormat : NotebookFormat
{
    private const string ShimMarker = "// perfnb: notebook shim";
    private const string StartCall = "PerfNotebooksShim.Start(";

    public override NotebookDocument Read(string text, string path)
    {
        var document = new NotebookDocument();
        var packages = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var shimAt = Array.FindIndex(lines, l => l.Trim() == ShimMarker);
        if (shimAt >= 0)
        {
            lines = lines[..shimAt];
        }

        var sections = new List<(bool Markdown, List<string> Lines)>();
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (PackageDirective().Match(trimmed) is { Success: true } package)
            {
                var version = package.Groups["version"].Success ? ", " + package.Groups["version"].Value : "";
                packages.Add($"#r \"nuget: {package.Groups["name"].Value}{version}\"");
                continue;
            }

            if (trimmed.StartsWith("#:", StringComparison.Ordinal) || trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed == "using static PerfNotebooksShim;" || trimmed.StartsWith(StartCall, StringComparison.Ordinal))
            {
                continue; // SDK directives and the shebang have no notebook equivalent
            }

            if (trimmed.StartsWith("// %%", StringComparison.Ordinal))
            {
                sections.Add((trimmed.Contains("[markdown]", StringComparison.Ordinal), []));
                continue;
            }

            if (sections.Count == 0)
            {
                sections.Add((false, []));
            }

            sections[^1].Lines.Add(line);
        }

        foreach (var (markdown, body) in sections)
        {
            var source = string.Join('\n', markdown ? body.Select(Uncomment) : body).Trim('\n');
            if (source.Trim().Length == 0)
            {
                continue;
            }

            document.Cells.Add(new NotebookCell { Kind = markdown ? CellKind.Markdown : CellKind.Code, Source = source });
        }

        if (packages.Count > 0)
        {
            document.Cells.Insert(0, new NotebookCell { Kind = CellKind.Code, Source = string.Join('\n', packages) });
        }

        return document;
    }

    public override string Write(NotebookDocument notebook, string path)
    {
        var header = new StringBuilder();
        var statements = new StringBuilder();
        var types = new StringBuilder();
        header.Append("// Converted by `perfnb convert` from a notebook. Run it with: dotnet run ").Append(Path.GetFileName(path)).Append('\n');
        var project = PerfNotebooksProject(path);
        if (project is not null)
        {
            header.Append("#:project ").Append(project).Append('\n');
        }

        var packageLines = new List<string>();
        var usingLines = new List<string>();
        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind == CellKind.Markdown)
            {
                statements.Append("// %% [markdown]\n");
                foreach (var line in cell.Source.ReplaceLineEndings("\n").Split('\n'))
                {
                    statements.Append(line.Length == 0 ? "//" : "// " + line).Append('\n');
                }

                statements.Append('\n');
                continue;
            }

            if (!cell.IsCSharp)
            {
                statements.Append("// %%\n// (a ").Append(cell.Language).Append(" cell was left out: only C# converts)\n\n");
                continue;
            }

            var source = CellSource.Parse(cell.Source);
            packageLines.AddRange(source.Packages.Select(p => p.Version is null ? $"#:package {p.Name}@*" : $"#:package {p.Name}@{p.Version}"));
            var (usings, code, declarations) = SplitDeclarations(source.Code);
            usingLines.AddRange(usings);
            statements.Append("// %%\n").Append(code.Trim('\n')).Append("\n\n");
            if (declarations.Length > 0)
            {
                types.Append(declarations.Trim('\n')).Append("\n\n");
            }
        }

        foreach (var package in packageLines.Distinct(StringComparer.Ordinal))
        {
            header.Append(package).Append('\n');
        }

        header.Append('\n');
        // Without the PerfNotebooks projects only the BCL namespaces resolve.
        var imports = ScriptReferences.Imports.Where(i => i != "PerfNotebooks.Kernel.Execution" && (project is not null || i.StartsWith("System", StringComparison.Ordinal)));
        foreach (var import in imports.Select(i => $"using {i};").Concat(usingLines).Distinct(StringComparer.Ordinal))
        {
            header.Append(import).Append('\n');
        }

        header.Append("using static PerfNotebooksShim;\n\n");

        // A notebook's kernel starts in the notebook's folder and finds the checkout; the app does the same from wherever it is run.
        header.Append(StartCall).Append(project is null ? "null" : Literal(CheckoutOf(project))).Append(");\n\n");
        return header.Append(statements).Append(types).Append(ShimMarker).Append('\n').Append(Shim).ToString();
    }

    /// <summary>The checkout root for a project path as written in <c>#:project</c> (relative to the app, or absolute).</summary>
    private static string CheckoutOf(string project) =>
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(project.Replace('/', Path.DirectorySeparatorChar))))!.Replace('\\', '/') is { Length: > 0 } root ? root : ".";

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>What the notebook's globals do in a terminal: display() prints, input reads the console.</summary>
    private const string Shim = """
        // Outside a notebook, display() prints the value; Update() prints the new one.
        internal static class PerfNotebooksShim
        {
            public static void Start(string? checkout)
            {
                var folder = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Environment.CurrentDirectory;
                Directory.SetCurrentDirectory(folder); // relative paths start at the app's folder, as a notebook's at its own
                if (checkout is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PERFNB_REPO_ROOT")))
                {
                    Environment.SetEnvironmentVariable("PERFNB_REPO_ROOT", Path.GetFullPath(checkout, folder));
                }
            }

            public static Shown display(object? value, params string[] mimeTypes) { Console.WriteLine(value); return new Shown(); }

            public static string HTML(string html) => html;

            public static string Markdown(string markdown) => markdown;

            public static void ClearOutput(bool wait = false) { } // a terminal keeps what it printed

            public static string Input(string prompt = "") { Console.Write(prompt); return Console.ReadLine() ?? ""; }

            public static string ReadPassword(string prompt = "Password: ")
            {
                Console.Write(prompt);
                if (Console.IsInputRedirected) { return Console.ReadLine() ?? ""; }
                var typed = new System.Text.StringBuilder();
                for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
                {
                    if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) { typed.Length--; } } else { typed.Append(key.KeyChar); }
                }

                Console.WriteLine();
                return typed.ToString();
            }

            public sealed class Shown { public void Update(object? value) => Console.WriteLine(value); }
        }

        """;

    /// <summary>Moves type declarations out of a cell (C# wants them after top-level statements) and turns a trailing expression into display().</summary>
    private static (IReadOnlyList<string> Usings, string Code, string Declarations) SplitDeclarations(string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, CSharpSession.ParseOptions).GetRoot();
        var declarations = root.Members.Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax).ToList();
        var keep = root.RemoveNodes([.. declarations, .. root.Usings], SyntaxRemoveOptions.KeepNoTrivia)!;
        var text = keep.ToFullString();
        if (keep.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
        {
            var expression = last.Expression.ToString();
            text = text[..last.SpanStart] + $"display({expression});" + text[last.Span.End..];
        }

        return ([.. root.Usings.Select(u => u.ToString())], text, string.Concat(declarations.Select(d => d.ToFullString())));
    }

    /// <summary>The library project, relative when the app sits inside the repository, absolute otherwise.</summary>
    private static string? PerfNotebooksProject(string outputPath)
    {
        var outputDir = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        if (RepoCheckout.FindFrom(outputDir) is { } enclosing)
        {
            return Path.GetRelativePath(outputDir, Project(enclosing)).Replace('\\', '/');
        }

        return RepoCheckout.Roots().Select(Project).FirstOrDefault(File.Exists);

        // The workbook project: it brings the library and the workbook API (Check, ExerciseCheck) a notebook imports.
        static string Project(string root) => Path.Combine(root, "src", "PerfNotebooks.Workbooks", "PerfNotebooks.Workbooks.csproj");
    }

    private static string Uncomment(string line) =>
        line.StartsWith("// ", StringComparison.Ordinal) ? line[3..] : line.StartsWith("//", StringComparison.Ordinal) ? line[2..] : line;

    [GeneratedRegex(@"^#:package\s+(?<name>[^@\s]+)(@(?<version>\S+))?$")]
    private static partial Regex PackageDirective();
}
