namespace PerfNotebooks.Profiling;

/// <summary>
/// Which frames are the profiled program's own code, per runtime: the hotspot is the deepest such frame on the hot
/// path, so runtime, standard-library and driver frames never get the blame for the app's loop.
/// </summary>
internal static class OwnCode
{
    // Go modules that are libraries our sample servers (and most Go services) pull in, never "the app".
    private static readonly string[] GoLibraries = ["github.com/prometheus/", "github.com/mattn/", "github.com/lib/pq", "golang.org/x/", "google.golang.org/"];

    // The standard library's top-level packages (Go 1.19 to 1.24), and the runtime's pseudo-packages.
    private static readonly HashSet<string> GoStandardLibrary = new(StringComparer.Ordinal)
    {
        "archive", "bufio", "bytes", "cmp", "compress", "container", "context", "crypto", "database", "debug", "embed",
        "encoding", "errors", "expvar", "flag", "fmt", "go", "gosave", "hash", "html", "image", "index", "internal", "io",
        "iter", "log", "maps", "math", "mime", "net", "os", "path", "plugin", "reflect", "regexp", "runtime", "slices",
        "sort", "strconv", "strings", "structs", "sync", "syscall", "testing", "text", "time", "unicode", "unique",
        "unsafe", "vendor", "weak", "",
    };

    public static Func<string, bool> For(ProfiledRuntime runtime)
    {
        Func<string, bool> own = runtime switch
        {
            ProfiledRuntime.DotNet => FrameNames.IsAppCode,
            ProfiledRuntime.Go => IsGoApp,
            ProfiledRuntime.Node => IsNodeApp,
            _ => IsNativeApp,
        };
        return name => !InLibrary(name) && own(name);
    }

    /// <summary>perf tags frames of shared libraries and the kernel ("memcpy [libc.so.6]"), V8 its built-ins ("now [native]").</summary>
    public static bool InLibrary(string name) => name.EndsWith(']') && name.Contains(" [", StringComparison.Ordinal);

    /// <summary>
    /// Go: the standard library ("runtime.", "net/http.", "internal/poll.") and well-known modules are not the app;
    /// "main.", a module path of the app's own (github.com/me/app) or a GOPATH package ("shop/orders.") is.
    /// </summary>
    public static bool IsGoApp(string name)
    {
        if (name.Length == 0 || name.StartsWith('[') || name.StartsWith("type:", StringComparison.Ordinal))
        {
            return false;
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? name[..Math.Max(0, name.IndexOf('.', StringComparison.Ordinal))] : name[..slash];
        if (first.Contains('.', StringComparison.Ordinal))
        {
            return !GoLibraries.Any(l => name.StartsWith(l, StringComparison.Ordinal));
        }

        return !GoStandardLibrary.Contains(first);
    }

    /// <summary>
    /// Node: frames are "function (file:line)"; V8's pseudo-frames ("(program)", "(garbage collector)"), Node's own
    /// modules ("node:internal/…"), native code without a script and node_modules are not the app.
    /// </summary>
    public static bool IsNodeApp(string name) =>
        name.Contains(" (", StringComparison.Ordinal)
        && name.EndsWith(')')
        && !name.Contains("(node:", StringComparison.Ordinal)
        && !name.Contains("node_modules/", StringComparison.Ordinal);

    /// <summary>Native code under perf: the executable's own symbols; shared libraries are tagged "[lib.so]".</summary>
    public static bool IsNativeApp(string name) =>
        !name.StartsWith('[')
        && !name.EndsWith(']')
        && !name.StartsWith("_start", StringComparison.Ordinal)
        && !name.StartsWith("__libc_", StringComparison.Ordinal);
}
