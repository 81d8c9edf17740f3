using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>
/// The kernel never dies of a message: garbage, unparsable JSON, a header without a type, fields of the
/// wrong type, an unknown type and a replayed message, all sent to one kernel through jupyter_client's sockets.
/// </summary>
[Collection(JupyterCollection.Name)]
public class JupyterRobustnessTests(JupyterInstall jupyter)
{
    [Fact]
    public async Task A_field_of_the_wrong_type_gets_an_error_reply_naming_it()
    {
        var run = await jupyter.Scenario("hostile");

        var reply = run.GetProperty("wrong_type");
        Assert.Equal("error", reply.GetProperty("status").GetString());
        Assert.Contains("content.code must be a string", reply.GetProperty("evalue").GetString(), StringComparison.Ordinal);
        var cursor = run.GetProperty("wrong_cursor");
        Assert.Equal("complete_reply", cursor.GetProperty("type").GetString());
        Assert.Contains("content.cursor_pos", cursor.GetProperty("content").GetProperty("evalue").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_message_is_refused_and_never_runs_twice()
    {
        var run = await jupyter.Scenario("hostile");

        Assert.False(run.GetProperty("replay_answered").GetBoolean());

        // 1, not 2 (replayed) and not 101 (the message whose header had no msg_type).
        Assert.Equal("1", run.GetProperty("counter").GetString());
    }

    [Theory]
    [InlineData("malformed message")]
    [InlineData("not JSON")]
    [InlineData("lacks a string msg_id or msg_type")]
    [InlineData("unknown type 'teleport_request'")]
    [InlineData("replayed message")]
    public async Task Refused_messages_are_logged_with_the_reason(string reason)
    {
        var run = await jupyter.Scenario("hostile");

        Assert.Contains(Log(run), line => line.Contains("refused a message on shell", StringComparison.Ordinal) && line.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_every_bad_message_the_kernel_still_answers()
    {
        var run = await jupyter.Scenario("hostile");

        Assert.True(run.GetProperty("alive").GetBoolean());
        Assert.False(run.GetProperty("unknown_answered").GetBoolean());
        Assert.Equal("1", run.GetProperty("counter").GetString());
    }

    private static List<string> Log(JsonElement run) => [.. run.GetProperty("log").EnumerateArray().Select(l => l.GetString()!)];
}
