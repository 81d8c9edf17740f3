namespace PerfNotebooks.Servers;

/// <summary>
/// Installs servers/node's npm packages exactly as its package-lock.json pins them (`npm ci`, registry only,
/// nothing compiled or downloaded from elsewhere), once per lockfile, under .artifacts/.
/// </summary>
internal static class NodeServerInstall
{
    private const string Hint = "install Node.js 20 and npm (Debian: apt-get install nodejs npm)";

    /// <summary>The server's entry script and the node_modules folder to run it with.</summary>
    public static async Task<(string Script, string NodeModules)> Ensure(CancellationToken ct)
    {
        var root = RepoCheckout.Root
            ?? throw new WorkFailedException("the Node sample server runs from the repository's servers/node; run from a PerfNotebooks checkout");
        var source = Path.Combine(root, "servers", "node");
        var manifest = Path.Combine(source, "package.json");
        var lockfile = Path.Combine(source, "package-lock.json");
        if (!File.Exists(manifest) || !File.Exists(lockfile))
        {
            throw new WorkFailedException($"servers/node/package.json or package-lock.json is missing in {root}; the checkout is incomplete");
        }

        var (code, version) = await ToolchainRun.Run("node", ["--version"], source, new Dictionary<string, string>(), Hint, ct);
        if (code != 0)
        {
            throw new WorkFailedException($"`node --version` failed: {ToolchainRun.Tail(version)}; {Hint}");
        }

        var folder = Path.Combine(root, ".artifacts", "node-server", BuildCache.Key([manifest, lockfile], source, ""));
        await BuildCache.GetOrBuild(folder, "the Node sample server's packages (npm ci)", async (output, token) =>
        {
            File.Copy(manifest, Path.Combine(output, "package.json"));
            File.Copy(lockfile, Path.Combine(output, "package-lock.json"));
            var (exit, log) = await ToolchainRun.Run(
                "npm", ["ci", "--no-audit", "--no-fund", "--omit=dev"], output, new Dictionary<string, string>(), Hint, token);
            if (exit != 0)
            {
                throw new WorkFailedException($"npm ci for servers/node failed (exit {exit}): {ToolchainRun.Tail(log)}");
            }
        }, ct);
        return (Path.Combine(source, "server.js"), Path.Combine(folder, "node_modules"));
    }
}
