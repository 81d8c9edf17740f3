namespace PerfNotebooks.Servers;

/// <summary>
/// Builds servers/go with Debian's Go and Debian's Go library packages, offline: GOPATH mode over
/// /usr/share/gocode (there is no module proxy to fetch from). Built once per source version, under .artifacts/.
/// </summary>
internal static class GoServerBuild
{
    public const string BinaryName = "perfnb-sample-server";
    private const string DebianGoPath = "/usr/share/gocode";
    internal const string Hint = "run scripts/prereqs.sh (it installs Debian's golang-go and the Go library packages the server imports)";

    // Import path → the Debian package that ships it.
    private static readonly (string ImportPath, string Package)[] Libraries =
    [
        ("github.com/prometheus/client_golang", "golang-github-prometheus-client-golang-dev"),
        ("github.com/mattn/go-sqlite3", "golang-github-mattn-go-sqlite3-dev"),
        ("github.com/lib/pq", "golang-github-lib-pq-dev"),
    ];

    /// <summary>The path of the built server binary, building it first if this source has not been built yet.</summary>
    public static async Task<string> Ensure(CancellationToken ct)
    {
        var root = RepoCheckout.Root
            ?? throw new WorkFailedException("the Go sample server is built from the repository's servers/go; run from a PerfNotebooks checkout");
        var source = Path.Combine(root, "servers", "go");
        var files = Directory.Exists(source) ? Directory.GetFiles(source, "*.go") : [];
        if (files.Length == 0)
        {
            throw new WorkFailedException($"no Go sources in {source}; the checkout is incomplete");
        }

        var environment = Environment(root);
        var (code, version) = await ToolchainRun.Run("go", ["env", "GOVERSION"], source, environment, Hint, ct);
        if (code != 0)
        {
            throw new WorkFailedException($"`go env GOVERSION` failed: {ToolchainRun.Tail(version)}");
        }

        foreach (var (importPath, package) in Libraries)
        {
            if (!Directory.Exists(Path.Combine(DebianGoPath, "src", importPath)))
            {
                throw new WorkFailedException($"the Go sample server imports {importPath}, which is not in {DebianGoPath}; install Debian's {package} or {Hint}");
            }
        }

        var folder = Path.Combine(root, ".artifacts", "go-server", BuildCache.Key(files, source, version));
        await BuildCache.GetOrBuild(folder, "the Go sample server (" + version + ")", async (output, token) =>
        {
            var (exit, log) = await ToolchainRun.Run(
                "go", ["build", "-trimpath", "-o", Path.Combine(output, BinaryName), "."], source, environment, Hint, token);
            if (exit != 0)
            {
                throw new WorkFailedException($"go build in {source} failed (exit {exit}): {ToolchainRun.Tail(log)}");
            }
        }, ct);
        return Path.Combine(folder, BinaryName);
    }

    /// <summary>The toolchain's environment for an offline GOPATH build, with the shared build cache.</summary>
    internal static Dictionary<string, string> Environment(string root) => new(StringComparer.Ordinal)
    {
        ["GO111MODULE"] = "off",
        ["GOPATH"] = DebianGoPath,
        ["GOFLAGS"] = "",
        ["GOPROXY"] = "off",
        ["CGO_ENABLED"] = "1", // mattn/go-sqlite3 is SQLite's C source compiled through cgo
        ["GOCACHE"] = Path.Combine(root, ".artifacts", "go-cache"),
    };
}
