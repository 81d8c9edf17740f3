using System.Net;
using System.Text.Json;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Servers;

/// <summary>The check every scenario passes on every database: its endpoint works buggy and fixed, and bad input is a 400.</summary>
internal static class ScenarioChecks
{
    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "cpu-hotspot", "/cpu-intense?limit=abc", "limit" },
        { "n-plus-one", "/users?ids=1,x", "ids" },
        { "memory-leak", "/search", "q" },
        { "connection-leak", "/orders/summary?userId=-5", "userId" },
        { "threadpool-starvation", "/quote?userId=1%27%3B--", "userId" },
        { "lock-contention", "/risk-score", "userId" },
        { "allocation-heavy", "/export/orders.csv?rows=5001", "rows" },
    };

    public static async Task ServesBothModesAndRejects(SampleServer server, HttpClient http, string badPathAndQuery, string parameter)
    {
        Assert.False(server.IsFixed);
        Assert.Equal(HttpStatusCode.OK, await Status(http, server.TriggerUrl));
        await server.Fix();
        Assert.Equal(HttpStatusCode.OK, await Status(http, server.TriggerUrl));

        using var response = await http.GetAsync(server.UrlFor(badPathAndQuery));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
    }

    private static async Task<HttpStatusCode> Status(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        return response.StatusCode;
    }
}
