using System.Diagnostics;
using PerfNotebooks.Profiling;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>
/// A running non-.NET program from tests/ProfilingTargets that counts primes forever: the Go one (built offline in
/// GOPATH mode, serving net/http/pprof on 127.0.0.1), the Node one, or the C one (compiled with gcc here).
/// Killed on dispose.
/// </summary>
public sealed class PolyglotTarget : IProfileTarget, IDisposable
{
    private static readonly string BuildDir = Path.Combine(Path.GetTempPath(), "perfnb-polyglot-targets");
    private readonly Process process;

    private PolyglotTarget(Process process, string readyLine)
    {
        this.process = process;
        ReadyLine = readyLine;
    }

    public int Pid => process.Id;

    /// <summary>What the target printed when it was ready ("ready pprof http://127.0.0.1:PORT/debug/pprof/" for Go).</summary>
    public string ReadyLine { get; }

    /// <summary>The Go target's pprof index URL.</summary>
    public string PprofUrl => ReadyLine.Split(' ')[^1];

    // Each build gets its own file: a binary still running from an earlier test cannot be overwritten.
    public static Task<PolyglotTarget> Go()
    {
        var binary = Output("primes-go");
        return Start(Build("go", binary, "go", ["build", "-o", binary, Source("go/primes.go")], ("GO111MODULE", "off"), ("GOCACHE", Path.Combine(BuildDir, "gocache")), ("GOPATH", Path.Combine(BuildDir, "gopath"))));
    }

    public static Task<PolyglotTarget> Native()
    {
        var binary = Output("primes-c");
        return Start(Build("c", binary, "gcc", ["-O0", "-g", "-fno-omit-frame-pointer", "-o", binary, Source("native/primes.c")]));
    }

    // SIGUSR1 opens the inspector on --inspect-port: a free port here, since other Node processes on a shared
    // machine may hold the default 9229.
    public static Task<PolyglotTarget> Node(params string[] nodeFlags)
    {
        // In the temp folder: --perf-basic-prof also writes an isolate-*.log into the working directory.
        var start = new ProcessStartInfo("node") { ArgumentList = { "--inspect-port=127.0.0.1:0" }, WorkingDirectory = Path.GetTempPath() };
        foreach (var flag in nodeFlags)
        {
            start.ArgumentList.Add(flag);
        }

        start.ArgumentList.Add(Source("node/primes.js"));
        return Start(start);
    }

    private static string Source(string relative) => Path.Combine(RepoPaths.Root, "tests", "ProfilingTargets", relative);

    private static string Output(string name) => Path.Combine(BuildDir, $"{name}-{Guid.NewGuid():N}");

    private static ProcessStartInfo Build(string what, string binary, string compiler, string[] args, params (string Name, string Value)[] env)
    {
        Directory.CreateDirectory(BuildDir);
        var build = new ProcessStartInfo(compiler) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            build.ArgumentList.Add(a);
        }

        foreach (var (name, value) in env)
        {
            build.Environment[name] = value;
        }

        using (var compile = Process.Start(build) ?? throw new InvalidOperationException($"could not start {compiler}"))
        {
            var errors = compile.StandardError.ReadToEndAsync();
            compile.StandardOutput.ReadToEnd();
            compile.WaitForExit();
            Assert.True(compile.ExitCode == 0, $"building the {what} target failed: {errors.Result}");
        }

        return new ProcessStartInfo(binary);
    }

    private static async Task<PolyglotTarget> Start(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException($"{info.FileName} exited before it was ready"));
            }
            else if (e.Data.StartsWith("ready", StringComparison.Ordinal))
            {
                ready.TrySetResult(e.Data);
            }
        };
        process.BeginOutputReadLine();
        try
        {
            return new PolyglotTarget(process, await ready.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        process.Dispose();
    }
}
