using System.Diagnostics;
using System.Text.Json;
using PerfNotebooks.Kernel.Install;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Tests.Hub;

/// <summary>
/// One class on a real JupyterHub (Hub/hub_class.py), run once and shared by the tests that read it: the kernel
/// installed with <see cref="SystemInstall"/> under a temp prefix, workbook 00 released into a read-only shared
/// folder, five learners created, run and deleted by the driver. Needs root (useradd, runuser), Debian's
/// jupyterhub and configurable-http-proxy (scripts/prereqs.sh installs them).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HubClass : IAsyncLifetime
{
    public const int Learners = 5;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(12);

    private readonly string _work = Directory.CreateTempSubdirectory("perfnb-hub-").FullName;
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];

    public JsonElement Report { get; private set; }

    public string Log { get; private set; } = "";

    /// <summary>The code cells of workbook 00, which every learner must have run.</summary>
    public int CodeCells { get; } = NotebookDocument.Load(Path.Combine(RepoPaths.Notebooks, "00-start-here.ipynb")).Cells.Count(c => c.Kind == CellKind.Code);

    public IEnumerable<string> LearnerNames => Enumerable.Range(0, Learners).Select(i => $"pnb{_tag}l{i}");

    public async Task InitializeAsync()
    {
        // Learners reach their homes and the install through this folder.
        File.SetUnixFileMode(_work, (UnixFileMode)0b111_101_101);
        var prefix = Path.Combine(_work, "prefix");
        Directory.CreateDirectory(prefix);
        SystemInstall.Install(Path.Combine(AppContext.BaseDirectory, "perfnb.dll"), PerfNotebooks.Servers.ServerBinary.Locate(), prefix, RepoPaths.Datasets);
        var workbooks = Path.Combine(prefix, "share", "perfnb", "workbooks");
        Directory.CreateDirectory(workbooks);
        var instructor = Path.Combine(RepoPaths.Notebooks, "00-start-here.ipynb");
        WorkbookRelease.Release(NotebookDocument.Load(instructor)).Save(Path.Combine(workbooks, "00-start-here.ipynb"));

        var report = Path.Combine(_work, "report.json");
        var start = new ProcessStartInfo(JupyterInstall.Python) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Hub", "hub_class.py"), "--work", _work, "--prefix", prefix, "--workbooks", workbooks,
            "--instructor", instructor, "--singleuser", Path.Combine(RepoPaths.Root, "deploy", "perfnb-singleuser"),
            "--snippet", Path.Combine(RepoPaths.Root, "deploy", "jupyterhub_config.d", "perfnb.py"),
            "--learners", Learners.ToString(System.Globalization.CultureInfo.InvariantCulture), "--report", report, "--tag", _tag,
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var driver = Process.Start(start)!;
        var stdout = driver.StandardOutput.ReadToEndAsync();
        var stderr = driver.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Budget);
        try
        {
            await driver.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            driver.Kill(entireProcessTree: true);
            throw new TimeoutException($"the hub class did not finish within {Budget.TotalMinutes} minutes");
        }

        Log = await stdout + await stderr;
        Report = JsonDocument.Parse(File.ReadAllText(report)).RootElement.Clone();
    }

    public Task DisposeAsync()
    {
        // The driver deletes its learners; a killed driver cannot, so the names are known here too.
        foreach (var name in LearnerNames)
        {
            foreach (var pid in ProcessesOf(name))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (ArgumentException)
                {
                    // already gone
                }
            }

            if (Directory.Exists($"/tmp/perfnb-{name}"))
            {
                Directory.Delete($"/tmp/perfnb-{name}", recursive: true);
            }

            using var userdel = Process.Start(new ProcessStartInfo("userdel", ["--remove", name]) { UseShellExecute = false, RedirectStandardError = true })!;
            userdel.WaitForExit();
        }

        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    private static List<int> ProcessesOf(string user)
    {
        using var ps = Process.Start(new ProcessStartInfo("ps", ["-o", "pid=", "-u", user]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = ps.StandardOutput.ReadToEnd();
        ps.WaitForExit();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HubCollection : ICollectionFixture<HubClass>
{
    // Five learners on two cores: nothing else may run beside them.
    public const string Name = "jupyterhub class";
}
