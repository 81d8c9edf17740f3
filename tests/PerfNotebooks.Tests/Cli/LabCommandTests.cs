using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PerfNotebooks.Display;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Cli;

/// <summary>
/// <c>perfnb lab</c> as a user starts it (a real process, Debian's Jupyter Notebook), with Jupyter's folders in a
/// temp dir so the user's set-up is never touched.
/// </summary>
[Collection(JupyterCollection.Name)]
public partial class LabCommandTests
{
    [Fact]
    public async Task Lab_starts_jupyter_which_serves_the_kernelspecs_plotly_js_to_notebook_pages()
    {
        var home = Directory.CreateTempSubdirectory("perfnb-lab-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "perfnb.dll"), "lab", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--notebooks", home })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (variable, dir) in new[] { ("JUPYTER_DATA_DIR", "data"), ("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_CONFIG_DIR", "config") })
        {
            start.Environment[variable] = Directory.CreateDirectory(Path.Combine(home, dir)).FullName;
        }

        using var lab = Process.Start(start)!;
        var said = new System.Text.StringBuilder();
        try
        {
            var token = await ReadToken(lab, said);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var library = await http.GetStringAsync($"http://127.0.0.1:{port}/kernelspecs/perfnb/{PlotlyLibrary.FileName}?token={token}");
            Assert.Equal(PlotlyLibrary.Script.Length, library.Length);
            if (Environment.UserName == "root")
            {
                Assert.Contains("--allow-root", said.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            lab.Kill(entireProcessTree: true);
            await lab.WaitForExitAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>Jupyter prints its URL with the login token once it listens.</summary>
    private static async Task<string> ReadToken(Process lab, System.Text.StringBuilder said)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Watch(StreamReader stream)
        {
            while (await stream.ReadLineAsync(timeout.Token) is { } line)
            {
                lock (said)
                {
                    said.AppendLine(line);
                }

                if (TokenUrl().Match(line) is { Success: true } match)
                {
                    found.TrySetResult(match.Groups[1].Value);
                }
            }
        }

        var watchers = Task.WhenAll(Watch(lab.StandardError), Watch(lab.StandardOutput));
        var first = await Task.WhenAny(found.Task, watchers, Task.Delay(Timeout.Infinite, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        return first == found.Task ? await found.Task : throw new InvalidOperationException("perfnb lab never printed Jupyter's URL:\n" + said);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DotnetHost() => PerfNotebooks.Kernel.Execution.DotnetHost.Path;

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/\S*\?token=([0-9a-f]+)")]
    private static partial Regex TokenUrl();
}
