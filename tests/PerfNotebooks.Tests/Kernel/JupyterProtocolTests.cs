using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>The kernel as Debian's real jupyter_client sees it: one scenario (one kernel process) per test.</summary>
[Collection(JupyterCollection.Name)]
[Trait("Category", "Live")]
public class JupyterProtocolTests(JupyterInstall jupyter)
{
    [Fact]
    public async Task Execute_publishes_busy_input_output_idle_in_order_with_the_request_as_parent()
    {
        var run = await jupyter.Scenario("execute");

        var types = Types(run.GetProperty("first"));
        Assert.Equal(["status", "execute_input", "stream", "status"], types);
        Assert.Equal("hi from C#\n", Iopub(run.GetProperty("first"), "stream").GetProperty("text").GetString());
        Assert.Equal("ok", run.GetProperty("first").GetProperty("reply").GetProperty("status").GetString());
    }

    [Fact]
    public async Task State_carries_across_cells_and_a_trailing_expression_is_the_result()
    {
        var run = await jupyter.Scenario("execute");

        var result = Iopub(run.GetProperty("second"), "execute_result");
        Assert.Equal("42", result.GetProperty("data").GetProperty("text/plain").GetString());
        Assert.Equal(2, result.GetProperty("execution_count").GetInt32());
    }

    [Fact]
    public async Task Kernel_info_describes_a_csharp_kernel_on_protocol_5_3()
    {
        var run = await jupyter.Scenario("execute");

        var info = run.GetProperty("kernel_info");
        Assert.Equal("5.3", info.GetProperty("protocol_version").GetString());
        Assert.Equal("C#", info.GetProperty("language_info").GetProperty("name").GetString());
        Assert.Equal(".cs", info.GetProperty("language_info").GetProperty("file_extension").GetString());
    }

    [Fact]
    public async Task Kernel_info_gives_language_details_and_help_links()
    {
        var run = await jupyter.Scenario("execute");

        var info = run.GetProperty("kernel_info");
        var language = info.GetProperty("language_info");
        Assert.Equal("text/x-csharp", language.GetProperty("mimetype").GetString());
        Assert.Equal("csharp", language.GetProperty("pygments_lexer").GetString());
        Assert.Equal("text/x-csharp", language.GetProperty("codemirror_mode").GetString());
        Assert.Matches(@"^\d+\.\d+$", language.GetProperty("version").GetString());
        Assert.All(info.GetProperty("help_links").EnumerateArray(), link => Assert.StartsWith("https://", link.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.NotEmpty(info.GetProperty("help_links").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, info.GetProperty("supported_features").ValueKind);
    }

    [Fact]
    public async Task Usage_request_on_control_reports_the_kernels_own_cpu_and_memory()
    {
        var run = await jupyter.Scenario("execute");

        var usage = run.GetProperty("usage");
        var content = usage.GetProperty("content");
        Assert.Equal("usage_reply", usage.GetProperty("type").GetString());
        Assert.Equal(usage.GetProperty("pid_seen").GetInt32(), content.GetProperty("pid").GetInt32());
        Assert.True(content.GetProperty("kernel_cpu").GetDouble() > 0, "a second of spinning shows as CPU");

        // The kernel's resident memory, as /proc says just after the reply (within a factor of two: it moves).
        var rss = usage.GetProperty("rss_seen").GetInt64();
        Assert.InRange(content.GetProperty("kernel_memory").GetInt64(), rss / 2, rss * 2);
        Assert.True(content.GetProperty("host_virtual_memory").GetProperty("total").GetInt64() > rss);
        Assert.Equal(Environment.ProcessorCount, content.GetProperty("cpu_count").GetInt32());
    }

    [Fact]
    public async Task Compile_error_reports_line_and_column_within_the_cell()
    {
        var run = await jupyter.Scenario("errors");

        var reply = run.GetProperty("compile").GetProperty("reply");
        Assert.Equal("error", reply.GetProperty("status").GetString());
        Assert.StartsWith("(2,9): error CS0029", reply.GetProperty("evalue").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_traceback_names_the_cell_and_hides_scripting_plumbing()
    {
        var run = await jupyter.Scenario("errors");

        var traceback = run.GetProperty("runtime").GetProperty("reply").GetProperty("traceback").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal("System.DivideByZeroException: Attempted to divide by zero.", traceback[0]);
        Assert.Contains(traceback, line => line.Contains("Divide(Int32 a)", StringComparison.Ordinal) && line.Contains("cell [3]", StringComparison.Ordinal));
        Assert.DoesNotContain(traceback, line => line.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) || line.Contains("Submission#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kernel_keeps_its_state_after_errors()
    {
        var run = await jupyter.Scenario("errors");

        Assert.Equal("42", Iopub(run.GetProperty("after"), "execute_result").GetProperty("data").GetProperty("text/plain").GetString());
    }

    [Fact]
    public async Task Display_handle_update_sends_update_display_data_with_the_same_display_id()
    {
        var run = await jupyter.Scenario("display");

        var shown = Iopub(run, "display_data");
        var updated = Iopub(run, "update_display_data");
        Assert.Equal("step 1", shown.GetProperty("data").GetProperty("text/plain").GetString());
        Assert.Equal("step 2", updated.GetProperty("data").GetProperty("text/plain").GetString());
        Assert.Equal(
            shown.GetProperty("transient").GetProperty("display_id").GetString(),
            updated.GetProperty("transient").GetProperty("display_id").GetString());
    }

    [Fact]
    public async Task Completion_offers_members_of_a_variable_from_an_earlier_cell()
    {
        var run = await jupyter.Scenario("assist");

        var member = run.GetProperty("member");
        Assert.Contains("Count", member.GetProperty("matches").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(8, member.GetProperty("cursor_start").GetInt32());
        Assert.Contains("WriteLine", run.GetProperty("static").GetProperty("matches").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Inspect_and_is_complete_answer_from_roslyn()
    {
        var run = await jupyter.Scenario("assist");

        Assert.True(run.GetProperty("inspect").GetProperty("found").GetBoolean());
        var checks = run.GetProperty("is_complete");
        Assert.Equal("complete", checks.GetProperty("done").GetProperty("status").GetString());
        Assert.Equal("incomplete", checks.GetProperty("open").GetProperty("status").GetString());
        Assert.Equal("invalid", checks.GetProperty("bad").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, run.GetProperty("comm_info").GetProperty("comms").ValueKind);
    }

    [Fact]
    public async Task Restart_starts_a_fresh_kernel_without_old_variables()
    {
        var run = await jupyter.Scenario("restart");

        Assert.Equal("error", run.GetProperty("after").GetProperty("reply").GetProperty("status").GetString());
        Assert.Contains("survivor", run.GetProperty("after").GetProperty("reply").GetProperty("evalue").GetString(), StringComparison.Ordinal);
        Assert.Equal("2", Iopub(run.GetProperty("fresh"), "execute_result").GetProperty("data").GetProperty("text/plain").GetString());
    }

    [Fact]
    public async Task Message_with_a_forged_signature_is_dropped_and_never_executed()
    {
        var run = await jupyter.Scenario("forged");

        Assert.False(run.GetProperty("forged_answered").GetBoolean());
        Assert.Equal("1", Iopub(run.GetProperty("after"), "execute_result").GetProperty("data").GetProperty("text/plain").GetString());
    }

    [Fact]
    public async Task Console_read_line_asks_the_frontend_over_stdin()
    {
        var run = await jupyter.Scenario("stdin");

        Assert.Equal("input_request", run.GetProperty("request").GetString());
        Assert.True(run.GetProperty("parent").GetBoolean());
        Assert.Equal("PERF", Iopub(run, "execute_result").GetProperty("data").GetProperty("text/plain").GetString());
    }

    private static List<string> Types(JsonElement exchange) =>
        [.. exchange.GetProperty("iopub").EnumerateArray().Select(m => m.GetProperty("type").GetString()!)];

    private static JsonElement Iopub(JsonElement exchange, string type) =>
        exchange.GetProperty("iopub").EnumerateArray().First(m => m.GetProperty("type").GetString() == type).GetProperty("content");
}
