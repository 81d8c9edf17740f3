using System.Text.RegularExpressions;

namespace PerfNotebooks.Profiling;

/// <summary>Turns runtime method names into what a reader expects (Namespace.Type.Method) and tells app code from plumbing.</summary>
internal static partial class FrameNames
{
    // Code that is never "the app": the BCL, ASP.NET and other Microsoft libraries, runtime stubs, test hosts.
    private static readonly string[] PlumbingPrefixes =
    [
        "System.", "Microsoft.", "Internal.", "Interop.", "Windows.", "Xunit.", "Npgsql.", "SQLitePCL.", "Dapper.", "[",
    ];

    public static string Normalize(string fullMethodName, string moduleName)
    {
        if (string.IsNullOrEmpty(fullMethodName))
        {
            return string.IsNullOrEmpty(moduleName) ? "[native]" : $"[{Path.GetFileNameWithoutExtension(moduleName)}]";
        }

        var name = fullMethodName;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            name = name[..paren];
        }

        // Async methods run as Type+<Method>d__N.MoveNext: name them after the method the user wrote.
        var stateMachine = StateMachine().Match(name);
        if (stateMachine.Success)
        {
            name = stateMachine.Groups["type"].Value + "." + stateMachine.Groups["method"].Value;
        }

        else
        {
            // Lambdas (Type+<>c.<Method>b__0_0) and local functions (Type.<Method>g__Local|0_0) hold real user code:
            // name them after the method that declares them rather than hiding them as compiler plumbing.
            var lambda = Lambda().Match(name);
            if (lambda.Success)
            {
                name = lambda.Groups["type"].Value + "." + lambda.Groups["method"].Value + "." + (lambda.Groups["local"].Success ? lambda.Groups["local"].Value : "lambda");
            }
            else if (name.EndsWith(".<Main>$", StringComparison.Ordinal))
            {
                name = name[..^".<Main>$".Length] + ".Main";
            }
        }

        return name.Replace('+', '.').Trim();
    }

    /// <summary>True for the profiled program's own methods, false for libraries, runtime and compiler-generated wrappers.</summary>
    public static bool IsAppCode(string name) =>
        !PlumbingPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
        && !name.Contains('<', StringComparison.Ordinal)
        && !name.Contains("__", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<type>.+)\+<(?<method>[^>]+)>d__\d+\.MoveNext$", RegexOptions.CultureInvariant)]
    private static partial Regex StateMachine();

    [GeneratedRegex(@"^(?<type>[^<]+?)(\+<>c(__DisplayClass[\d_]+)?)?[.+]<(?<method>[^>]+)>(b__[\d_]+|g__(?<local>[^|]+)\|[\d_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Lambda();
}
