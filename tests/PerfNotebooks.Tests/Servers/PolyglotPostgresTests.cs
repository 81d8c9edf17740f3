using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

public class PolyglotPostgresTests(PostgresCluster postgres) : IClassFixture<PostgresCluster>
{
    [Theory]
    [InlineData("go")]
    [InlineData("node")]
    public async Task N_plus_one_on_postgres_makes_two_queries_per_user_buggy_and_one_fixed(string runtime)
    {
        await using var server = await SampleServer.Start("n-plus-one", database: postgres.ConnectionString, runtime: runtime);
        using var http = new HttpClient();

        using var buggy = await http.GetAsync(server.UrlFor("/users?ids=1,2,3,4,5,6,7,8,9,10"));
        await server.Fix();
        using var fixedReply = await http.GetAsync(server.UrlFor("/users?ids=1,2,3,4,5,6,7,8,9,10"));

        Assert.Equal("postgres", server.Database);
        Assert.Equal(5000, server.Users);
        Assert.Equal("20", buggy.Headers.GetValues("X-Db-Queries").Single());
        Assert.Equal("1", fixedReply.Headers.GetValues("X-Db-Queries").Single());
        Assert.Equal(await buggy.Content.ReadAsStringAsync(), await fixedReply.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("go")]
    [InlineData("node")]
    public async Task An_unreachable_postgres_fails_the_start_naming_the_endpoint(string runtime)
    {
        var error = await Assert.ThrowsAsync<WorkFailedException>(() =>
            SampleServer.Start("n-plus-one", database: "postgres://postgres@127.0.0.1:1/perfnb", runtime: runtime));

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
    }
}
