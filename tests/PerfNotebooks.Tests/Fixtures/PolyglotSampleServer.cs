using System.Text.Json;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// A real Go or Node sample server process (built or npm-installed on first use) for the lifetime of a test class.
/// Tests that flip the mode must set the one they need first (Fix()/Break()): tests in a class share the server.
/// </summary>
public abstract class PolyglotSampleServer(string runtime, string scenario, string? database = null) : IAsyncLifetime
{
    private SampleServer? _server;

    public string Runtime { get; } = runtime;

    public SampleServer Server => _server ?? throw new InvalidOperationException("the sample server fixture has not started");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public virtual async Task InitializeAsync() => _server = await SampleServer.Start(scenario, database: database, runtime: Runtime);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>GET a path: the status, the X-Db-Queries header (-1 when absent) and the body.</summary>
    public async Task<(int Status, int Queries, string Body)> Get(string pathAndQuery)
    {
        using var response = await Http.GetAsync(Server.UrlFor(pathAndQuery));
        var queries = response.Headers.TryGetValues("X-Db-Queries", out var values) ? int.Parse(values.First(), System.Globalization.CultureInfo.InvariantCulture) : -1;
        return ((int)response.StatusCode, queries, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> GetJson(string pathAndQuery)
    {
        var (status, _, body) = await Get(pathAndQuery);
        Assert.True(status == 200, $"GET {pathAndQuery} on the {Runtime} server answered {status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

public sealed class GoNPlusOneServer() : PolyglotSampleServer("go", "n-plus-one");

public sealed class GoCpuHotspotServer() : PolyglotSampleServer("go", "cpu-hotspot");

public sealed class NodeNPlusOneServer() : PolyglotSampleServer("node", "n-plus-one");

public sealed class NodeCpuHotspotServer() : PolyglotSampleServer("node", "cpu-hotspot");

public sealed class NodeMemoryLeakServer() : PolyglotSampleServer("node", "memory-leak");
