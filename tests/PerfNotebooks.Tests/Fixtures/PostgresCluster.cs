using System.Diagnostics;

namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// A real local PostgreSQL cluster started (once per test run, idempotently) by scripts/postgres.sh.
/// Use as IClassFixture&lt;PostgresCluster&gt; and read <see cref="ConnectionString"/> (a postgres:// URL).
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private static readonly Lazy<Task<string>> Shared = new(StartAsync);

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync() => ConnectionString = await Shared.Value;

    public Task DisposeAsync() => Task.CompletedTask; // the cluster is throwaway and shared; scripts/postgres.sh stop removes it

    private static async Task<string> StartAsync()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "postgres.sh"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run bash scripts/postgres.sh");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var url = (await stdout).Trim();
        if (process.ExitCode != 0 || !url.StartsWith("postgres://", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"scripts/postgres.sh failed (exit {process.ExitCode}): {await stderr}");
        }

        return url;
    }
}
