using System.Net;
using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

/// <summary>The sample servers against a real PostgreSQL cluster from scripts/postgres.sh.</summary>
[Trait("Category", "Live")]
public class PostgresTests(PostgresCluster postgres) : IClassFixture<PostgresCluster>, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(120) };

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [MemberData(nameof(ScenarioChecks.BadInputs), MemberType = typeof(ScenarioChecks))]
    public async Task Scenario_serves_buggy_and_fixed_on_postgres_and_answers_400_naming_a_bad_parameter(string scenario, string badPathAndQuery, string parameter)
    {
        await using var server = await SampleServer.Start(scenario, database: postgres.ConnectionString);

        Assert.Equal("postgres", server.Database);
        await ScenarioChecks.ServesBothModesAndRejects(server, _http, badPathAndQuery, parameter);
    }

    [Fact]
    public async Task N_plus_one_on_postgres_makes_forty_queries_buggy_and_one_fixed_for_the_same_users()
    {
        await using var server = await SampleServer.Start("n-plus-one", database: postgres.ConnectionString);
        var (buggyQueries, buggyBody) = await Users(server);
        await server.Fix();
        var (fixedQueries, fixedBody) = await Users(server);

        Assert.Equal(40, buggyQueries);
        Assert.Equal(1, fixedQueries);
        Assert.Equal(buggyBody, fixedBody);
    }

    [Fact]
    public async Task Connection_leak_on_postgres_exhausts_the_pool()
    {
        await using var server = await SampleServer.Start("connection-leak", database: postgres.ConnectionString, extraArguments: ["--pool-size", "3"]);
        for (var i = 0; i < 3; i++)
        {
            using var missing = await _http.GetAsync(server.UrlFor("/orders/summary?userId=999999"));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using var starved = await _http.GetAsync(server.UrlFor("/orders/summary?userId=42"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, starved.StatusCode);
    }

    [Fact]
    public async Task Start_fails_with_work_failed_when_postgres_is_unreachable()
    {
        var error = await Assert.ThrowsAsync<WorkFailedException>(() =>
            SampleServer.Start("n-plus-one", database: "postgres://postgres@127.0.0.1:1/perfnb"));

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }

    private async Task<(int Queries, string Body)> Users(SampleServer server)
    {
        using var response = await _http.GetAsync(server.UrlFor("/users?ids=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20"));
        response.EnsureSuccessStatusCode();
        var queries = int.Parse(response.Headers.GetValues("X-Db-Queries").Single(), System.Globalization.CultureInfo.InvariantCulture);
        return (queries, await response.Content.ReadAsStringAsync());
    }
}
