using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Display;

/// <summary>
/// A notebook whose charts were made headless, opened in Debian's real Jupyter Notebook and drawn by headless
/// Chromium: the charts carry no plotly.js and load the one the kernelspec installed.
/// </summary>
[Collection(JupyterCollection.Name)]
public class NotebookPageRenderTests(JupyterInstall jupyter)
{
    [Fact]
    public async Task Charts_saved_without_plotly_js_draw_in_jupyter_notebook_from_the_kernelspecs_copy()
    {
        var home = Directory.CreateTempSubdirectory("perfnb-page-").FullName;
        var notebook = new NotebookDocument
        {
            Cells =
            [
                new NotebookCell { Kind = CellKind.Code, Source = "Charts.TimeSeries([Series.PerSecond(\"rps\", [1, 2, 3])])" },
                new NotebookCell { Kind = CellKind.Code, Source = "display(Charts.TimeSeries([Series.PerSecond(\"p99\", [3, 2, 1])]));" },
            ],
            Metadata = new() { ["kernelspec"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "perfnb", ["display_name"] = "C# (PerfNotebooks)", ["language"] = "C#" } },
        };
        await NotebookRunner.RunAsync(notebook, home);
        var path = Path.Combine(home, "charts.ipynb");
        notebook.Save(path);
        var environment = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = jupyter.JupyterPath,
            ["JUPYTER_DATA_DIR"] = Directory.CreateDirectory(Path.Combine(home, "data")).FullName,
            ["JUPYTER_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(home, "runtime")).FullName,
            ["JUPYTER_CONFIG_DIR"] = Directory.CreateDirectory(Path.Combine(home, "config")).FullName,
        };

        // Jupyter runs an output's scripts only in a trusted notebook: sign it as `jupyter trust` would.
        Assert.Equal(0, await Run(JupyterInstall.Python, environment, "-c", "import sys, nbformat; from nbformat.sign import NotebookNotary; NotebookNotary().sign(nbformat.read(sys.argv[1], 4))", path));
        var port = FreePort();
        using var server = Start(JupyterInstall.Python, environment, "-m", "notebook", "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--NotebookApp.token=", "--allow-root", $"--notebook-dir={home}");
        try
        {
            await WaitUntilServing(port);

            var dom = await BrowserRenderTests.DumpDom(new Uri($"http://127.0.0.1:{port}/notebooks/charts.ipynb"), home);

            Assert.Equal(2, dom.Split("class=\"plot-container plotly\"").Length - 1);
            Assert.True(new FileInfo(path).Length < 50_000, $"the notebook is {new FileInfo(path).Length} bytes");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    private static Process Start(string program, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync(); // drained, so a chatty server never blocks on a full pipe
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static async Task<int> Run(string program, Dictionary<string, string> environment, params string[] args)
    {
        using var process = Start(program, environment, args);
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return process.ExitCode;
    }

    private static async Task WaitUntilServing(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                (await http.GetAsync($"http://127.0.0.1:{port}/api")).EnsureSuccessStatusCode();
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
