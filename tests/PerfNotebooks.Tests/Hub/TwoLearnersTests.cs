using System.Diagnostics;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Hub;

/// <summary>
/// Two real Unix learners on one host, each running `perfnb serve cpu-hotspot` as themselves (runuser), as two
/// learners in one hub's terminals would. Needs root (useradd, runuser).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TwoLearners : IAsyncLifetime
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..6];
    private readonly string _homes = Directory.CreateTempSubdirectory("perfnb-learners-").FullName;
    private readonly List<Process> _serves = [];

    public string Ada => $"pnb{_tag}a";

    public string Bob => $"pnb{_tag}b";

    public (Uri Url, int Pid) AdaServer { get; private set; }

    public (Uri Url, int Pid) BobServer { get; private set; }

    public static string Cli => Path.Combine(AppContext.BaseDirectory, "perfnb.dll");

    public async Task InitializeAsync()
    {
        File.SetUnixFileMode(_homes, (UnixFileMode)0b111_101_101);
        foreach (var user in new[] { Ada, Bob })
        {
            var add = await Run("useradd", "--create-home", "--home-dir", Path.Combine(_homes, user), "--shell", "/bin/sh", user);
            Assert.True(add.Code == 0, add.Output);
        }

        var servers = await Task.WhenAll(Serve(Ada), Serve(Bob));
        (AdaServer, BobServer) = (servers[0], servers[1]);
    }

    /// <summary>A command as that learner, with a fresh login's temp settings (no TMPDIR inherited from root).</summary>
    public static Task<(int Code, string Output)> As(string user, params string[] command) =>
        Run("runuser", ["-u", user, "--", .. command]);

    public async Task DisposeAsync()
    {
        foreach (var serve in _serves)
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            serve.Dispose();
        }

        foreach (var user in new[] { Ada, Bob })
        {
            await Run("userdel", "--remove", user);
            if (Directory.Exists($"/tmp/perfnb-{user}"))
            {
                Directory.Delete($"/tmp/perfnb-{user}", recursive: true);
            }
        }

        Directory.Delete(_homes, recursive: true);
    }

    private async Task<(Uri, int)> Serve(string user)
    {
        var start = Start("runuser", ["-u", user, "--", "dotnet", Cli, "serve", "cpu-hotspot"]);
        var process = Process.Start(start)!;
        _serves.Add(process);
        _ = process.StandardError.ReadToEndAsync();

        // "http://127.0.0.1:PORT/ pid N (cpu-hotspot, buggy, sqlite; ...)"
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3))
            ?? throw new InvalidOperationException($"perfnb serve as {user} exited before it was ready");
        var parts = line.Split(' ');
        return (new Uri(parts[0]), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ProcessStartInfo Start(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("TMPDIR");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return start;
    }

    private static async Task<(int Code, string Output)> Run(string file, params string[] args)
    {
        using var process = Process.Start(Start(file, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TwoLearnersTests(TwoLearners learners) : IClassFixture<TwoLearners>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Each_learners_server_listens_on_its_own_port_from_the_os()
    {
        Assert.NotEqual(learners.AdaServer.Url.Port, learners.BobServer.Url.Port);
        Assert.Contains("cpu-hotspot", await Http.GetStringAsync(new Uri(learners.AdaServer.Url, "/health")), StringComparison.Ordinal);
        Assert.Contains("cpu-hotspot", await Http.GetStringAsync(new Uri(learners.BobServer.Url, "/health")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_can_profile_their_own_server_but_not_another_learners()
    {
        var own = await TwoLearners.As(learners.Ada, "dotnet", TwoLearners.Cli, "profile", "--pid", Pid(learners.AdaServer), "--duration", "1s");
        var other = await TwoLearners.As(learners.Bob, "dotnet", TwoLearners.Cli, "profile", "--pid", Pid(learners.AdaServer), "--duration", "1s");

        Assert.True(own.Code == 0, own.Output);
        Assert.NotEqual(0, other.Code);
    }

    [Fact]
    public async Task A_learner_cannot_stop_another_learners_server()
    {
        var kill = await TwoLearners.As(learners.Bob, "kill", "-TERM", Pid(learners.AdaServer));

        Assert.NotEqual(0, kill.Code);
        Assert.Contains("cpu-hotspot", await Http.GetStringAsync(new Uri(learners.AdaServer.Url, "/health")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_learners_server_keeps_its_database_in_a_temp_folder_only_they_can_enter()
    {
        var temp = $"/tmp/perfnb-{learners.Ada}";

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(temp));
        Assert.Contains(Directory.GetDirectories(temp), d => Path.GetFileName(d).StartsWith("perfnb-server-", StringComparison.Ordinal));
        Assert.NotEqual(0, (await TwoLearners.As(learners.Bob, "ls", temp)).Code);
    }

    private static string Pid((Uri Url, int Pid) server) => server.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
