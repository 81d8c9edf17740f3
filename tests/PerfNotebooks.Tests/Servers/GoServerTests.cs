using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

public class GoServerContractTests(GoNPlusOneServer users, GoCpuHotspotServer primes)
    : PolyglotServerContract(users, primes), IClassFixture<GoNPlusOneServer>, IClassFixture<GoCpuHotspotServer>
{
    protected override string RuntimeSeries => "go_goroutines";
}

public class GoServerTests(GoCpuHotspotServer primes) : IClassFixture<GoCpuHotspotServer>
{
    [Fact]
    public async Task Net_http_pprof_cpu_profile_names_the_trial_division_handler_under_load()
    {
        await primes.Server.Break();
        using var load = new CancellationTokenSource();
        var busy = KeepBusy(primes, "/cpu-intense?limit=100000", load.Token);

        using var response = await primes.Http.GetAsync(primes.Server.UrlFor("/debug/pprof/profile?seconds=2"));
        var gzipped = await response.Content.ReadAsByteArrayAsync();
        await load.CancelAsync();
        await busy;

        Assert.True(response.IsSuccessStatusCode, $"pprof answered {(int)response.StatusCode}");
        // A gzipped profile.proto whose string table holds the sampled functions' names.
        Assert.Equal([0x1f, 0x8b], gzipped[..2]);
        Assert.Contains("main.countPrimes", Gunzip(gzipped), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pprof_index_lists_the_runtime_profiles()
    {
        var (status, _, body) = await primes.Get("/debug/pprof/");

        Assert.Equal(200, status);
        Assert.Contains("goroutine", body, StringComparison.Ordinal);
        Assert.Contains("heap", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Debug_profile_writes_a_gzipped_pprof_file_of_the_server()
    {
        using var response = await primes.Http.PostAsync(primes.Server.UrlFor("/debug/profile?seconds=1"), null);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var path = result.GetProperty("path").GetString()!;
        try
        {
            Assert.Equal("pprof", result.GetProperty("format").GetString());
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal(result.GetProperty("bytes").GetInt64(), bytes.Length);
            Assert.Equal([0x1f, 0x8b], bytes[..2]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_server_started_fixed_reports_fixed_in_its_ready_line_and_health()
    {
        await using var server = await SampleServer.Start("cpu-hotspot", fixedBug: true, runtime: "go");
        using var http = new HttpClient();

        var health = JsonDocument.Parse(await http.GetStringAsync(server.UrlFor("/health"))).RootElement;

        Assert.True(server.IsFixed);
        Assert.Equal("go", server.Runtime);
        Assert.Equal("fixed", health.GetProperty("mode").GetString());
        Assert.Equal("go", health.GetProperty("runtime").GetString());
    }

    [Fact]
    public async Task A_bad_database_url_is_bad_input_naming_it()
    {
        var error = await Assert.ThrowsAsync<BadInputException>(() => SampleServer.Start("n-plus-one", database: "mysql://localhost/db", runtime: "go"));

        Assert.Contains("mysql://localhost/db", error.Message, StringComparison.Ordinal);
    }

    internal static async Task KeepBusy(PolyglotSampleServer server, string path, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using var _ = await server.Http.GetAsync(server.Server.UrlFor(path), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static string Gunzip(byte[] gzipped)
    {
        using var input = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return Encoding.Latin1.GetString(output.ToArray());
    }
}
