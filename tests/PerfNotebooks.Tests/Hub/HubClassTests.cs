using System.Text.Json;
using Xunit.Abstractions;

namespace PerfNotebooks.Tests.Hub;

/// <summary>Five learners on one Debian JupyterHub run workbook 00 at once, each in their own account.</summary>
[Collection(HubCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HubClassTests(HubClass hub, ITestOutputHelper output)
{
    private JsonElement Report => hub.Report;

    private JsonElement Result(string learner) => Report.GetProperty("results").GetProperty(learner);

    [Fact]
    public void The_class_ran_and_cleaned_up()
    {
        output.WriteLine(hub.Log);
        if (Report.TryGetProperty("failure", out var failure))
        {
            Assert.Fail($"{failure}\n{Report.GetProperty("traceback")}\n{Report.GetProperty("hub_log_tail")}");
        }

        Assert.Equal(hub.LearnerNames, Report.GetProperty("learners").EnumerateArray().Select(l => l.GetString()));
        Assert.All(hub.LearnerNames, name => Assert.False(File.Exists("/etc/passwd") && File.ReadAllText("/etc/passwd").Contains(name + ":", StringComparison.Ordinal), $"{name} is still a user"));
    }

    [Fact]
    public void Every_learner_logs_in_and_runs_workbook_00_to_the_end_over_the_kernel_websocket()
    {
        foreach (var learner in hub.LearnerNames)
        {
            var result = Result(learner);
            output.WriteLine($"{learner}: server {result.GetProperty("server_ready_s")} s, kernel {result.GetProperty("kernel_ready_s")} s, first result {result.GetProperty("first_result_s")} s, all cells {result.GetProperty("run_s")} s; {result.GetProperty("checkpoints")}");
            Assert.False(result.TryGetProperty("failure", out var failure), $"{learner}: {failure}");
            Assert.Empty(result.GetProperty("cell_errors").EnumerateArray());
            Assert.Equal(hub.CodeCells, result.GetProperty("cells").GetInt32());

            // The checkpoints that depend on no timing must pass for everyone; the load and profiler ones are reported.
            var checkpoints = result.GetProperty("checkpoints");
            foreach (var name in new[] { "median", "seed table loaded", "overhead computed" })
            {
                Assert.True(checkpoints.TryGetProperty(name, out var passed) && passed.GetBoolean(), $"{learner}: checkpoint '{name}' did not pass");
            }
        }
    }

    [Fact]
    public void The_hub_checks_the_password()
    {
        Assert.All(hub.LearnerNames, learner => Assert.False(Result(learner).GetProperty("wrong_password_login").GetBoolean()));
    }

    [Fact]
    public void Each_learner_gets_a_sample_server_of_their_own_on_a_port_from_the_os()
    {
        var servers = hub.LearnerNames.Select(l => Result(l).GetProperty("sample_server").GetString()!).ToList();
        Assert.All(servers, s => Assert.Matches(@"^http://127\.0\.0\.1:\d+/ pid \d+$", s));
        Assert.Equal(servers.Count, servers.Select(s => s.Split(' ')[0]).Distinct().Count());
    }

    [Fact]
    public void Each_saved_notebook_is_in_its_learners_home_with_their_results_only()
    {
        var saved = Report.GetProperty("isolation").GetProperty("saved");
        foreach (var learner in hub.LearnerNames)
        {
            var notebook = saved.GetProperty(learner);
            Assert.True(notebook.GetProperty("owned_by_learner").GetBoolean(), $"{learner}'s notebook is not owned by {learner}");
            Assert.True(notebook.GetProperty("holds_own_server").GetBoolean(), $"{learner}'s saved notebook lacks their own server's output");
            Assert.Empty(notebook.GetProperty("holds_other_servers").EnumerateArray());
        }
    }

    [Fact]
    public void A_learner_cannot_read_another_learners_home_or_temp_folder()
    {
        var facts = Report.GetProperty("isolation");
        Assert.Equal("0o700", facts.GetProperty("a_home_mode").GetString());
        Assert.False(facts.GetProperty("b_reads_a_notebook").GetBoolean());
        Assert.False(facts.GetProperty("b_lists_a_home").GetBoolean());

        // The kernel made itself a private TMPDIR: sample-server databases and diagnostics sockets live there.
        Assert.True(facts.GetProperty("a_private_temp_exists").GetBoolean());
        Assert.Equal("0o700", facts.GetProperty("a_private_temp_mode").GetString());
        Assert.True(facts.GetProperty("a_private_temp_owned").GetBoolean());
        Assert.False(facts.GetProperty("b_lists_a_temp").GetBoolean());
    }

    [Fact]
    public void A_learners_token_does_not_open_another_learners_server()
    {
        Assert.Equal(403, Report.GetProperty("cross_server_status").GetInt32());
    }

    [Fact]
    public void The_hub_keeps_answering_its_rest_api_during_the_class()
    {
        var api = Report.GetProperty("hub_api");
        output.WriteLine($"{api.GetProperty("answers")} answers, slowest {api.GetProperty("max_s")} s, class wall {Report.GetProperty("class_wall_s")} s");
        Assert.Empty(api.GetProperty("failures").EnumerateArray());
        Assert.True(api.GetProperty("answers").GetInt32() >= 3, $"only {api.GetProperty("answers")} answers");
    }
}
