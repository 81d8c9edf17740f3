using System.Diagnostics;
using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Install;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Hub;

/// <summary>
/// deploy/install.sh, the image's one install step, run for real on this machine (as root, into /usr/local):
/// twice, because a class VM re-runs it after every pull. Its first run publishes the CLI, so it runs after the
/// parallel tests, alone.
/// </summary>
[Collection(InstallCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InstallScriptTests
{
    private const string Prefix = "/usr/local";
    private static readonly Lazy<Task<(int Code, string Output, string Stdout)[]>> Runs = new(async () => [await Install(), await Install()]);

    [Fact]
    public async Task It_installs_a_kernelspec_that_names_the_system_cli_and_nothing_in_a_home()
    {
        var first = (await Runs.Value)[0];
        Assert.True(first.Code == 0, first.Output);

        var kernelJson = Path.Combine(Prefix, "share", "jupyter", "kernels", "perfnb", "kernel.json");
        var argv = JsonNode.Parse(File.ReadAllText(kernelJson))!["argv"]!.AsArray();
        Assert.Equal("/usr/local/lib/perfnb/perfnb.dll", (string?)argv[1]);
        Assert.True(File.Exists("/usr/local/lib/perfnb/perfnb.dll"));
        Assert.Null(SystemInstall.HomePathIn(kernelJson));
    }

    [Fact]
    public async Task Debians_jupyter_finds_the_kernel_in_the_system_location()
    {
        Assert.Equal(0, (await Runs.Value)[0].Code);

        // An empty data dir hides any per-user kernelspec of the same name.
        var empty = Directory.CreateTempSubdirectory("perfnb-jupyter-data-").FullName;
        var list = await Run("jupyter", ["kernelspec", "list", "--json"], ("JUPYTER_DATA_DIR", empty), ("JUPYTER_PATH", null));
        Directory.Delete(empty);
        Assert.Equal(0, list.Code);
        Assert.Equal("/usr/local/share/jupyter/kernels/perfnb", (string?)JsonNode.Parse(list.Stdout)!["kernelspecs"]!["perfnb"]!["resource_dir"]);
    }

    [Fact]
    public async Task It_releases_every_learner_workbook_read_only_and_without_solutions()
    {
        Assert.Equal(0, (await Runs.Value)[0].Code);

        var expected = Directory.GetFiles(RepoPaths.Notebooks, "*.ipynb").Select(Path.GetFileName)
            .Where(n => System.Text.RegularExpressions.Regex.IsMatch(n!, @"^\d\d-") && n != "10-instructor-guide.ipynb").Order(StringComparer.Ordinal).ToList();
        var folder = Path.Combine(Prefix, "share", "perfnb", "workbooks");
        Assert.Equal(expected, Directory.GetFiles(folder, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var path in Directory.GetFiles(folder, "*.ipynb"))
        {
            Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(path));
            var code = NotebookDocument.Load(path).Cells.Where(c => c.Kind == CellKind.Code).Select(c => c.Source);
            Assert.DoesNotContain(code, s => s.Contains("// BEGIN SOLUTION", StringComparison.Ordinal) || s.Contains("// BEGIN HIDDEN CHECKS", StringComparison.Ordinal));
        }

        Assert.True((File.GetUnixFileMode("/usr/local/bin/perfnb-singleuser") & UnixFileMode.OtherExecute) != 0);
    }

    [Fact]
    public async Task Run_again_it_finds_everything_in_place_and_copies_nothing()
    {
        var second = (await Runs.Value)[1];

        Assert.True(second.Code == 0, second.Output);
        Assert.Contains("The CLI in /usr/local/lib/perfnb is up to date", second.Output, StringComparison.Ordinal);
        Assert.Contains("workbooks in /usr/local/share/perfnb/workbooks are up to date", second.Output, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output, string Stdout)> Install() =>
        Run(Path.Combine(RepoPaths.Root, "deploy", "install.sh"), [], ("PERFNB_REPO_ROOT", RepoPaths.Root));

    private static async Task<(int Code, string Output, string Stdout)> Run(string file, string[] args, params (string Name, string? Value)[] env)
    {
        var start = new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in env)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr, await stdout);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InstallCollection
{
    public const string Name = "deploy/install.sh";
}
