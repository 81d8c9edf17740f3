using System.Net;
using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

[Trait("Category", "Live")]
public class NPlusOneTests(NPlusOneServer fixture) : IClassFixture<NPlusOneServer>
{
    private const string TwentyUsers = "/users?ids=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20";

    [Fact]
    public async Task Buggy_users_endpoint_makes_two_queries_per_user()
    {
        await fixture.Server.Break();

        Assert.Equal(40, await QueriesFor(TwentyUsers));
    }

    [Fact]
    public async Task Fixed_users_endpoint_makes_one_query_for_any_number_of_users()
    {
        await fixture.Server.Fix();

        Assert.Equal(1, await QueriesFor(TwentyUsers));
        Assert.Equal(1, await QueriesFor("/users?ids=7"));
    }

    [Fact]
    public async Task Buggy_and_fixed_users_endpoints_return_the_same_users_and_orders()
    {
        await fixture.Server.Break();
        var buggy = await fixture.Http.GetStringAsync(fixture.Server.UrlFor(TwentyUsers));
        await fixture.Server.Fix();
        var fixedBody = await fixture.Http.GetStringAsync(fixture.Server.UrlFor(TwentyUsers));

        Assert.Equal(buggy, fixedBody);
        var users = JsonDocument.Parse(fixedBody).RootElement;
        Assert.Equal(20, users.GetArrayLength());
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("orders").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Users_endpoint_skips_ids_that_do_not_exist()
    {
        var users = await fixture.GetJson("/users?ids=3,999999,3");

        Assert.Equal(3, Assert.Single(users.EnumerateArray()).GetProperty("id").GetInt64());
    }

    public static TheoryData<string> BadIds => new()
    {
        "/users",
        "/users?ids=",
        "/users?ids=abc",
        "/users?ids=-1",
        "/users?ids=0",
        "/users?ids=1,,2",
        "/users?ids=1%3BDROP%20TABLE%20users",
        "/users?ids=1%27%20OR%20%271%27%3D%271",
        "/users?ids=99999999999999999999999",
        "/users?ids=" + string.Join(',', Enumerable.Range(1, 10_000)),
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Users_endpoint_answers_400_naming_ids_for_bad_input(string pathAndQuery)
    {
        using var response = await fixture.Http.GetAsync(fixture.Server.UrlFor(pathAndQuery));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ids", error.GetProperty("parameter").GetString());
        Assert.StartsWith("ids:", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_long_query_string_answers_400_naming_the_query_string()
    {
        using var response = await fixture.Http.GetAsync(fixture.Server.UrlFor("/users?ids=1&pad=" + new string('x', 150_000)));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("query string", error.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Tables_survive_sql_looking_ids()
    {
        using var attack = await fixture.Http.GetAsync(fixture.Server.UrlFor("/users?ids=1%29%3B%20DELETE%20FROM%20users%3B--"));
        var users = await fixture.GetJson("/users?ids=1,5000");

        Assert.Equal(HttpStatusCode.BadRequest, attack.StatusCode);
        Assert.Equal(2, users.GetArrayLength());
    }

    private async Task<int> QueriesFor(string pathAndQuery)
    {
        using var response = await fixture.Http.GetAsync(fixture.Server.UrlFor(pathAndQuery));
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Db-Queries").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
