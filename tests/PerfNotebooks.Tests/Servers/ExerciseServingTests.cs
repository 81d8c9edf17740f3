using System.Net;
using System.Text;
using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

/// <summary>A learner's version of the exercise file, compiled and served by the running sample server.</summary>
[Collection(NPlusOneServerCollection.Name)]
public class ExerciseServingTests(NPlusOneServer fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Server.Reset();

    public Task DisposeAsync() => fixture.Server.Reset();

    [Fact]
    public void Code_is_the_exercise_file_with_the_bug_and_without_the_fix()
    {
        var code = fixture.Server.Code;

        Assert.Equal("UsersWithOrders.cs", code.FileName);
        Assert.Contains("foreach (var id in ids)", code.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("JOIN", code.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("BUG", code.Source, StringComparison.Ordinal);
        Assert.StartsWith(" 1  using", code.ToString().Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#d73a49\">foreach</span>", code.ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Served_code_answers_from_the_next_request_and_reset_brings_the_original_back()
    {
        var before = await Queries("/users?ids=1,2,3");

        var served = await fixture.Server.Serve(LearnerCode.Read("n-plus-one.in-per-table.cs"));
        var during = await Queries("/users?ids=1,2,3");
        await fixture.Server.Reset();
        var after = await Queries("/users?ids=1,2,3");

        Assert.Equal(200, served.FirstStatus);
        Assert.Equal(6, before);
        Assert.Equal(2, during);
        Assert.Equal(6, after);
    }

    [Fact]
    public async Task Compile_error_names_the_cell_line_and_the_previous_code_keeps_serving()
    {
        var broken = fixture.Server.Code.Source.Replace("users.Add(found[0]);", "users.Add(found[0])", StringComparison.Ordinal);
        var fileLine = broken.Split('\n').ToList().FindIndex(l => l.Contains("users.Add(found[0])", StringComparison.Ordinal)) + 1;

        var error = await Assert.ThrowsAsync<BadInputException>(() => fixture.Server.Serve(broken, line: 10));

        Assert.Contains($"cell line {10 + fileLine}", error.Message, StringComparison.Ordinal);
        Assert.Contains("CS1002", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, await Queries("/users?ids=1,2,3"));
    }

    [Fact]
    public async Task Code_without_the_entry_method_is_refused_naming_it()
    {
        var renamed = fixture.Server.Code.Source.Replace("Load(", "LoadAll(", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<BadInputException>(() => fixture.Server.Serve(renamed));

        Assert.Contains("UsersWithOrders.Load(DbSession, IReadOnlyList`1, CancellationToken)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_in_learner_code_is_a_500_with_their_exception_and_cell_line_and_the_server_keeps_serving()
    {
        var throwing = fixture.Server.Code.Source.Replace(
            "var users = new List<UserView>();",
            "var users = new List<UserView>(); if (ids.Count > 2) throw new InvalidOperationException(\"too many ids\");",
            StringComparison.Ordinal);
        var fileLine = throwing.Split('\n').ToList().FindIndex(l => l.Contains("too many ids", StringComparison.Ordinal)) + 1;

        var served = await fixture.Server.Serve(throwing, line: 4);
        using var small = await fixture.Http.GetAsync(fixture.Server.UrlFor("/users?ids=1,2"));

        Assert.Equal(500, served.FirstStatus);
        Assert.Equal("System.InvalidOperationException", served.Exception!.Type);
        Assert.Equal("too many ids", served.Exception.Message);
        Assert.Contains($"cell line {4 + fileLine}", Assert.Single(served.Exception.Stack), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
    }

    [Fact]
    public async Task Code_without_the_server_key_is_refused()
    {
        using var request = Post(fixture.Server.Code.Source, "text/plain", key: new string('0', 64));

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("X-Exercise-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_over_the_size_limit_is_refused()
    {
        using var request = Post(new string('/', 65 * 1024), "text/plain");

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Code_not_sent_as_text_is_refused()
    {
        using var request = Post("{}", "application/json");

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task The_key_is_not_on_the_server_command_line()
    {
        var commandLine = await File.ReadAllTextAsync($"/proc/{fixture.Server.Pid}/cmdline");
        var key = ExerciseKeyOf(fixture.Server);

        Assert.Equal(64, key.Length);
        Assert.DoesNotContain(key, commandLine, StringComparison.Ordinal);
    }

    private HttpRequestMessage Post(string body, string contentType, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, fixture.Server.UrlFor("/admin/exercise?label=learner"))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add("X-Exercise-Key", key ?? ExerciseKeyOf(fixture.Server));
        return request;
    }

    private static string ExerciseKeyOf(SampleServer server) =>
        (string)typeof(SampleServer).GetField("_exerciseKey", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(server)!;

    private async Task<int> Queries(string path)
    {
        using var response = await fixture.Http.GetAsync(fixture.Server.UrlFor(path));
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Db-Queries").First(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
