using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>
/// Papermill's parameters for C# notebooks: the code cell tagged <c>parameters</c> declares each parameter with its
/// default (<c>var runtime = "dotnet";</c>); <see cref="Inject"/> puts a cell tagged <c>injected-parameters</c> right
/// after it that declares the given values again (a later C# submission may redeclare a variable). Each value is
/// written as a literal of its default's type, so a value can never become code.
/// </summary>
public static partial class NotebookParameters
{
    public const string Tag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>The parameters the notebook declares, by name, with the C# type of each default.</summary>
    public static IReadOnlyDictionary<string, string> Declared(NotebookDocument notebook)
    {
        var cell = ParametersCell(notebook);
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        if (cell is null)
        {
            return declared;
        }

        foreach (Match m in Declaration().Matches(cell.Source))
        {
            declared[m.Groups["name"].Value] = TypeOf(m.Groups["type"].Value, m.Groups["value"].Value.Trim());
        }

        return declared;
    }

    /// <summary>
    /// What a copy of the notebook sets its parameters to, read (never run) from its own parameters cell: each declared
    /// name whose value there is a plain literal (a string without escapes, a number, true or false), as the text
    /// <see cref="Inject"/> takes. A value that is code, not a literal, comes back as null: only literals are taken.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Assigned(NotebookDocument copy)
    {
        var assigned = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (ParametersCell(copy) is not { } cell)
        {
            return assigned;
        }

        foreach (Match m in Declaration().Matches(cell.Source))
        {
            var value = m.Groups["value"].Value.Trim();
            assigned[m.Groups["name"].Value] = PlainString().Match(value) is { Success: true } s ? s.Groups[1].Value
                : value is "true" or "false" || IntLiteral().IsMatch(value) || DoubleLiteral().IsMatch(value) ? value
                : null;
        }

        return assigned;
    }

    /// <summary>
    /// Parses "name=value" pairs as given on the command line (--param runtime=go); a pair without '=' is bad input.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(IEnumerable<string> pairs)
    {
        var parsed = new List<KeyValuePair<string, string>>();
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new BadInputException($"--param '{pair}' is not NAME=VALUE; write e.g. --param runtime=go");
            }

            parsed.Add(new(pair[..equals].Trim(), pair[(equals + 1)..]));
        }

        return parsed;
    }

    /// <summary>
    /// Inserts (or replaces) the injected-parameters cell after the parameters cell. A notebook without a
    /// parameters cell, a name it does not declare, or a value its type cannot hold is bad input naming what exists.
    /// </summary>
    public static void Inject(NotebookDocument notebook, IReadOnlyList<KeyValuePair<string, string>> values, string notebookName)
    {
        if (values.Count == 0)
        {
            return;
        }

        var cell = ParametersCell(notebook)
            ?? throw new BadInputException($"{notebookName} has no parameters: none of its code cells is tagged '{Tag}', so --param {values[0].Key}=... has nothing to set");
        var declared = Declared(notebook);
        var code = new StringBuilder("// Injected parameters (--param)\n");
        foreach (var (name, value) in values)
        {
            if (!declared.TryGetValue(name, out var type))
            {
                throw new BadInputException($"{notebookName} has no parameter '{name}'; its parameters: {(declared.Count == 0 ? "(none)" : string.Join(", ", declared.Keys))}");
            }

            code.Append(CultureInfo.InvariantCulture, $"{(type == "var" ? "var" : type)} {name} = {Literal(type, value, name, notebookName)};\n");
        }

        var injected = new NotebookCell
        {
            Kind = CellKind.Code,
            Source = code.ToString().TrimEnd('\n'),
            Language = cell.Language,
            Metadata = new JsonObject { ["tags"] = new JsonArray(InjectedTag) },
        };
        notebook.Cells.RemoveAll(c => HasTag(c, InjectedTag));
        notebook.Cells.Insert(notebook.Cells.IndexOf(cell) + 1, injected);
    }

    private static NotebookCell? ParametersCell(NotebookDocument notebook) =>
        notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Code && HasTag(c, Tag));

    private static bool HasTag(NotebookCell cell, string tag) =>
        cell.Metadata["tags"] is JsonArray tags && tags.Any(t => t is JsonValue v && v.TryGetValue<string>(out var s) && s == tag);

    /// <summary>The declared type, or the type the default's literal has when declared with var.</summary>
    private static string TypeOf(string declared, string value) => declared != "var" ? declared
        : value.StartsWith('"') || value.StartsWith('@') ? "string"
        : value is "true" or "false" ? "bool"
        : IntLiteral().IsMatch(value) ? "int"
        : DoubleLiteral().IsMatch(value) ? "double"
        : "var";

    private static string Literal(string type, string value, string name, string notebookName)
    {
        string Wrong(string what, string example) => throw new BadInputException($"--param {name}={value}: {notebookName}'s '{name}' is {what}; give {example}");
        return type switch
        {
            "string" => Quote(value),
            "bool" => bool.TryParse(value, out var b) ? (b ? "true" : "false") : Wrong("a bool", "true or false"),
            "int" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : Wrong("an int", "a whole number"),
            "long" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) + "L" : Wrong("a long", "a whole number"),
            "double" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) + "d" : Wrong("a double", "a number such as 2.5"),
            _ => throw new BadInputException($"--param {name}: {notebookName}'s '{name}' has a default that is not a string, bool, int, long or double literal, so it cannot be set from the command line"),
        };
    }

    /// <summary>A regular C# string literal: every character that could end it or start an escape is escaped.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    // One declaration per line: TYPE NAME = DEFAULT; (comments after it allowed).
    [GeneratedRegex(@"^\s*(?<type>var|string|bool|int|long|double)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?<value>[^;]+);", RegexOptions.Multiline)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^""([^""\\\r\n]*)""$")]
    private static partial Regex PlainString();

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex IntLiteral();

    [GeneratedRegex(@"^-?[0-9]*\.[0-9]+([eE][-+]?[0-9]+)?$")]
    private static partial Regex DoubleLiteral();
}
