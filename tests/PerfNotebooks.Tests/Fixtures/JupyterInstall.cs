using System.Diagnostics;
using System.Text.Json;
using PerfNotebooks.Kernel.Install;

namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// Debian's real Jupyter (jupyter_client, nbclient, nbconvert on /usr/bin/python3) with our kernelspec
/// installed into a private prefix, so tests never touch the user's Jupyter set-up.
/// scripts/test.sh installs the Debian packages.
/// </summary>
public sealed class JupyterInstall : IDisposable
{
    public const string Python = "/usr/bin/python3";

    public JupyterInstall()
    {
        Prefix = Directory.CreateTempSubdirectory("perfnb-jupyter-").FullName;
        var perfnb = Path.Combine(AppContext.BaseDirectory, "perfnb.dll");
        KernelSpec.Install(perfnb, Prefix);
        JupyterPath = Path.Combine(Prefix, "share", "jupyter");
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing; run scripts/test.sh, which installs Debian's Jupyter packages.");
        }
    }

    public string Prefix { get; }

    public string JupyterPath { get; }

    /// <summary>Runs a Python script with JUPYTER_PATH pointing at our kernelspec; returns exit code and output.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunPython(string script, params string[] args)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["JUPYTER_PATH"] = JupyterPath;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Runs one scenario of Kernel/jupyter_driver.py once and parses what it observed; tests that assert
    /// different behaviours of the same exchange share the run.
    /// </summary>
    public Task<JsonElement> Scenario(string name) => _scenarios.GetOrAdd(name, RunScenario);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<JsonElement>> _scenarios = new();

    private async Task<JsonElement> RunScenario(string name)
    {
        var (code, stdout, stderr) = await RunPython(Path.Combine("Kernel", "jupyter_driver.py"), name);
        if (code != 0)
        {
            throw new InvalidOperationException($"jupyter_driver.py {name} exited {code}:\n{stderr}\n{stdout}");
        }

        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    public void Dispose() => Directory.Delete(Prefix, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class JupyterCollection : ICollectionFixture<JupyterInstall>
{
    public const string Name = "Jupyter";
}
