using System.Diagnostics;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

[Trait("Category", "Live")]
public class PostgresScriptTests(PostgresCluster postgres) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task Postgres_script_is_idempotent_and_binds_loopback_only()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "postgres.sh"));
        using var again = Process.Start(start)!;
        var url = (await again.StandardOutput.ReadToEndAsync()).Trim();
        await again.WaitForExitAsync();

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(postgres.ConnectionString, url);
        Assert.Equal("127.0.0.1", new Uri(url).Host);
    }
}
