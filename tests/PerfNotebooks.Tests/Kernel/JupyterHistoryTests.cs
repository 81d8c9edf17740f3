using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>history_request through jupyter_client, after a restart: the new session reads the old one's cells.</summary>
[Collection(JupyterCollection.Name)]
public class JupyterHistoryTests(JupyterInstall jupyter)
{
    [Fact]
    public async Task Tail_after_a_restart_lists_both_sessions_with_their_outputs()
    {
        var run = await jupyter.Scenario("restart");

        var tail = History(run, "tail");
        Assert.Equal(["var survivor = 1;", "survivor + 41", "survivor", "1 + 1"], tail.Select(e => e[2][0].GetString()));
        Assert.Equal("42", tail[1][2][1].GetString());
        Assert.Equal(JsonValueKind.Null, tail[0][2][1].ValueKind); // a statement has no output
        Assert.Equal(tail[0][0].GetInt64() + 1, tail[2][0].GetInt64()); // the restart began the next session
    }

    [Fact]
    public async Task Range_of_session_minus_one_is_the_session_before_the_restart()
    {
        var run = await jupyter.Scenario("restart");

        Assert.Equal(["var survivor = 1;", "survivor + 41"], History(run, "previous").Select(e => e[2].GetString()));
    }

    [Fact]
    public async Task Search_matches_the_glob_once_per_distinct_cell()
    {
        var run = await jupyter.Scenario("restart");

        Assert.Equal(["survivor + 41", "survivor"], History(run, "search").Select(e => e[2].GetString()));
    }

    private static List<JsonElement> History(JsonElement run, string name)
    {
        var reply = run.GetProperty(name);
        Assert.Equal("ok", reply.GetProperty("status").GetString());
        return [.. reply.GetProperty("history").EnumerateArray()];
    }
}
