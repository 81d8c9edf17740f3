using System.Text.Json;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// A real sample server process for the lifetime of a test class. Subclass it with a parameterless constructor
/// naming the scenario (see <see cref="NPlusOneServer"/>) and use it as an IClassFixture. Tests that flip the
/// mode must set the one they need first (Fix()/Break()): tests in a class share the server.
/// </summary>
public abstract class RunningSampleServer(string scenario, bool fixedBug = false, TimeSpan? dbLatency = null) : IAsyncLifetime
{
    private SampleServer? _server;

    public SampleServer Server => _server ?? throw new InvalidOperationException("the sample server fixture has not started");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public async Task InitializeAsync() => _server = await SampleServer.Start(scenario, fixedBug, dbLatency: dbLatency);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public async Task<JsonElement> GetJson(string pathAndQuery)
    {
        using var response = await Http.GetAsync(Server.UrlFor(pathAndQuery));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {pathAndQuery} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

/// <summary>A buggy n-plus-one server on SQLite with no injected latency, shared by a test class.</summary>
public sealed class NPlusOneServer() : RunningSampleServer("n-plus-one");

/// <summary>
/// Lets several test classes share ONE buggy n-plus-one server: mark them [Collection(NPlusOneServerCollection.Name)]
/// and take <see cref="NPlusOneServer"/> in the constructor.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NPlusOneServerCollection : ICollectionFixture<NPlusOneServer>
{
    public const string Name = "n-plus-one sample server";
}

/// <summary>A buggy n-plus-one server on SQLite whose round trips cost 1 ms, as the workbook's.</summary>
public sealed class SlowDatabaseNPlusOneServer() : RunningSampleServer("n-plus-one", dbLatency: TimeSpan.FromMilliseconds(1));

/// <summary>A buggy cpu-hotspot server (primes by trial division on the request thread), shared by a test class.</summary>
public sealed class CpuHotspotServer() : RunningSampleServer("cpu-hotspot");
