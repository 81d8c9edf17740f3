using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Install;
using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Hub;

/// <summary><c>perfnb kernel install --system|--prefix</c>: one kernel for every user of a host, nothing in a home.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SystemInstallTests : IDisposable
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "perfnb.dll");

    // Each install is a full copy of the CLI (over 100 MB): removed after every test.
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_kernelspec_starts_the_copied_cli_with_absolute_paths_outside_every_home()
    {
        var prefix = NewPrefix();

        var result = SystemInstall.Install(Cli, ServerBinary.Locate(), prefix, RepoPaths.Datasets);

        var kernelJson = Path.Combine(prefix, "share", "jupyter", "kernels", "perfnb", "kernel.json");
        Assert.Equal(Path.GetDirectoryName(kernelJson), result.KernelFolder);
        var spec = JsonNode.Parse(File.ReadAllText(kernelJson))!;
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.True(Path.IsPathRooted(argv[0]) && File.Exists(argv[0]) && Path.GetFileName(argv[0]) == "dotnet", argv[0]);
        Assert.Equal(Path.Combine(prefix, "lib", "perfnb", "perfnb.dll"), argv[1]);
        Assert.True(File.Exists(argv[1]));
        Assert.Equal(["kernel", "start", "--connection-file", "{connection_file}"], argv[2..]);
        Assert.Equal(Path.GetDirectoryName(argv[0]), (string?)spec["env"]!["DOTNET_ROOT"]);
        Assert.Null(SystemInstall.HomePathIn(kernelJson));
    }

    [Fact]
    public void The_sample_servers_and_the_workbook_datasets_are_installed_where_the_kernel_looks()
    {
        var prefix = NewPrefix();

        SystemInstall.Install(Cli, ServerBinary.Locate(), prefix, RepoPaths.Datasets);

        Assert.True(File.Exists(Path.Combine(prefix, "lib", "perfnb", ServerBinary.InstalledFolder, ServerBinary.FileName)));
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(prefix, "share", "jupyter", "kernels", "perfnb", "kernel.json")))!;
        var data = (string)spec["env"]!["PERFNB_REPO_ROOT"]!;
        Assert.Equal(Path.Combine(prefix, "share", "perfnb"), data);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Datasets, "seed-profiling-tools.csv")), File.ReadAllBytes(Path.Combine(data, "datasets", "seed-profiling-tools.csv")));
    }

    [Fact]
    public void Every_installed_file_is_readable_by_every_user()
    {
        var prefix = NewPrefix();

        SystemInstall.Install(Cli, ServerBinary.Locate(), prefix, RepoPaths.Datasets);

        var files = Directory.EnumerateFiles(prefix, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True((File.GetUnixFileMode(f) & UnixFileMode.OtherRead) != 0, f));
        Assert.All(Directory.EnumerateDirectories(prefix, "*", SearchOption.AllDirectories), d => Assert.True((File.GetUnixFileMode(d) & UnixFileMode.OtherExecute) != 0, d));
    }

    [Fact]
    public void Installing_the_same_build_again_copies_nothing()
    {
        var prefix = NewPrefix();
        Assert.True(SystemInstall.Install(Cli, ServerBinary.Locate(), prefix, RepoPaths.Datasets).ProgramCopied);

        Assert.False(SystemInstall.Install(Cli, ServerBinary.Locate(), prefix, RepoPaths.Datasets).ProgramCopied);
    }

    [Fact]
    public void A_prefix_inside_a_home_folder_is_refused()
    {
        var e = Assert.Throws<BadInputException>(() => SystemInstall.Install(Cli, ServerBinary.Locate(), "/home/someone/.local", RepoPaths.Datasets));
        Assert.Contains("inside a home folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dotnet_host_inside_a_home_folder_is_refused()
    {
        var e = Assert.Throws<BadInputException>(() => SystemInstall.Install(Cli, ServerBinary.Locate(), NewPrefix(), RepoPaths.Datasets, dotnetHost: "/home/someone/.dotnet/dotnet"));
        Assert.Contains("the dotnet host is '/home/someone/.dotnet/dotnet', inside a home folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task System_and_user_together_are_bad_usage()
    {
        var result = await CliRunner.Run("kernel", "install", "--system", "--user");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give one of them", result.Stderr, StringComparison.Ordinal);
    }

    private string NewPrefix()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-prefix-").FullName;
        _folders.Add(folder);
        return Path.Combine(folder, "usr-local");
    }
}
