using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

/// <summary>A sample server keeps no secret where other users can read it, and never outlives whoever started it.</summary>
[Trait("Category", "Live")]
public partial class ServerHygieneTests(PostgresCluster postgres) : IClassFixture<PostgresCluster>
{
    [Fact]
    public async Task The_database_password_is_not_on_the_servers_command_line()
    {
        // The local cluster trusts loopback, so any password connects; what matters is where it travels.
        var secret = "pw" + Guid.NewGuid().ToString("N")[..12];
        var url = new UriBuilder(postgres.ConnectionString) { UserName = "postgres", Password = secret }.Uri.ToString();
        await using var server = await SampleServer.Start("n-plus-one", database: url);

        var commandLine = (await File.ReadAllTextAsync($"/proc/{server.Pid}/cmdline")).Replace('\0', ' ');

        Assert.Equal("postgres", server.Database);
        Assert.DoesNotContain(secret, commandLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_db_env_takes_the_url_from_PERFNB_DB_and_puts_its_password_on_no_command_line()
    {
        var secret = "pw" + Guid.NewGuid().ToString("N")[..12];
        var url = new UriBuilder(postgres.ConnectionString) { UserName = "postgres", Password = secret }.Uri.ToString();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "perfnb.dll"));
        foreach (var argument in (string[])["serve", "n-plus-one", "--db", "env"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PERFNB_DB"] = url;
        using var perfnb = Process.Start(start)!;
        var errors = perfnb.StandardError.ReadToEndAsync();
        try
        {
            var line = await perfnb.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
            var match = ServeLine().Match(line ?? "");
            Assert.True(match.Success, $"unexpected first line '{line}'; stderr: {(errors.IsCompleted ? await errors : "")}");
            var serverPid = int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture);
            var commandLines = string.Join(" | ", new[] { perfnb.Id, serverPid }.Select(pid => File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ')));

            Assert.Contains("postgres", line, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, commandLines, StringComparison.Ordinal);
        }
        finally
        {
            perfnb.Kill(entireProcessTree: true);
            await perfnb.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_server_whose_launcher_is_killed_is_gone_within_5_seconds()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "perfnb.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("cpu-hotspot");
        using var perfnb = Process.Start(start)!;
        _ = perfnb.StandardError.ReadToEndAsync();
        var line = await perfnb.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
        var match = ServeLine().Match(line ?? "");
        Assert.True(match.Success, $"unexpected first line '{line}'");
        using var server = Process.GetProcessById(int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture));

        // SIGKILL: the launcher gets no chance to stop its child (a crashed kernel, a test host killed on timeout).
        Assert.Equal(0, Kill(perfnb.Id, 9));
        await perfnb.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        var gone = server.WaitForExit(5_000);

        Assert.True(gone, $"server {server.Id} still running {clock.Elapsed.TotalSeconds:0.0} s after its launcher was killed");
    }

    [GeneratedRegex(@"^(?<url>http://127\.0\.0\.1:\d+/) pid (?<pid>\d+) ")]
    private static partial Regex ServeLine();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
