using System.Collections.Concurrent;
using System.Text.Json;
using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>
/// display with MIME types, HTML/Markdown, ClearOutput, stdin prompts and Shift+Tab, as Debian's real
/// jupyter_client sees them (Kernel/jupyter_cells.py; one kernel per scenario, shared by the tests that read it).
/// </summary>
[Collection(JupyterCollection.Name)]
public class CellFeatureTests(JupyterInstall jupyter)
{
    private static readonly ConcurrentDictionary<string, Task<JsonElement>> Runs = new();

    [Fact]
    public async Task Display_with_a_mime_type_sends_the_string_as_that_type_only()
    {
        var run = (await Scenario("display")).GetProperty("html");

        var data = Only(run, "display_data").GetProperty("data");
        Assert.Equal("<b>hi</b>", data.GetProperty("text/html").GetString());
        Assert.Equal(["text/html"], data.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Display_as_a_cells_last_expression_does_not_also_print_its_handle()
    {
        var run = await Scenario("display");

        Assert.Empty(All(run.GetProperty("html"), "execute_result"));
        Assert.Empty(All(run.GetProperty("handle_last"), "execute_result"));
        Assert.Equal("42", Only(run.GetProperty("handle_last"), "display_data").GetProperty("data").GetProperty("text/plain").GetString());
    }

    [Fact]
    public async Task Display_with_several_mime_types_carries_each()
    {
        var data = Only((await Scenario("display")).GetProperty("markdown_and_text"), "display_data").GetProperty("data");

        Assert.Equal("**p99** 9 ms", data.GetProperty("text/markdown").GetString());
        Assert.Equal("**p99** 9 ms", data.GetProperty("text/plain").GetString());
    }

    [Fact]
    public async Task Html_and_markdown_helpers_render_as_html_and_markdown()
    {
        var run = (await Scenario("display")).GetProperty("helpers");

        Assert.Equal("<i>fast</i>", Only(run, "display_data").GetProperty("data").GetProperty("text/html").GetString());
        Assert.Equal("# Done", Only(run, "execute_result").GetProperty("data").GetProperty("text/markdown").GetString());
    }

    [Fact]
    public async Task Updating_a_handle_shown_as_html_sends_html_again()
    {
        var run = (await Scenario("display")).GetProperty("update_keeps_type");

        var shown = Only(run, "display_data");
        var updated = Only(run, "update_display_data");
        Assert.Equal("<b>2</b>", updated.GetProperty("data").GetProperty("text/html").GetString());
        Assert.Equal(shown.GetProperty("transient").GetProperty("display_id").GetString(), updated.GetProperty("transient").GetProperty("display_id").GetString());
    }

    [Fact]
    public async Task Display_with_something_that_is_not_a_mime_type_fails_the_cell_naming_it()
    {
        var reply = (await Scenario("display")).GetProperty("bad_mime").GetProperty("reply");

        Assert.Equal("error", reply.GetProperty("status").GetString());
        Assert.Contains("'html' is not a MIME type", reply.GetProperty("evalue").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clear_output_sends_clear_output_after_what_it_clears_and_before_what_follows()
    {
        var run = (await Scenario("display")).GetProperty("clear");

        var kinds = Kinds(run);
        var clear = kinds.IndexOf("clear_output");
        Assert.True(clear > kinds.IndexOf("display_data"), string.Join(",", kinds));
        Assert.False(Only(run, "clear_output").GetProperty("wait").GetBoolean());
        var streams = Messages(run).Select((m, i) => (m, i)).Where(x => x.m.GetProperty("type").GetString() == "stream").ToList();
        Assert.Equal("gone\n", streams[0].m.GetProperty("content").GetProperty("text").GetString());
        Assert.True(streams[0].i < clear);
        Assert.Equal("kept\n", streams[^1].m.GetProperty("content").GetProperty("text").GetString());
        Assert.True(streams[^1].i > clear);
    }

    [Fact]
    public async Task Clear_output_with_wait_asks_the_front_end_to_clear_on_the_next_output()
    {
        var run = (await Scenario("display")).GetProperty("clear_wait");

        var clears = All(run, "clear_output");
        Assert.Equal(3, clears.Count);
        Assert.All(clears, c => Assert.True(c.GetProperty("wait").GetBoolean()));
        Assert.Equal(["clear_output", "display_data", "clear_output", "display_data", "clear_output", "display_data"], Kinds(run).Where(k => k is "clear_output" or "display_data"));
    }

    [Fact]
    public async Task Console_read_line_prompts_over_stdin_after_the_text_printed_before_it()
    {
        var run = (await Scenario("stdin")).GetProperty("read_line");

        var asked = Assert.Single(run.GetProperty("asked").EnumerateArray());
        Assert.False(asked.GetProperty("password").GetBoolean());
        Assert.True(asked.GetProperty("parent").GetBoolean());
        Assert.Equal("Name: ", Only(run, "stream").GetProperty("text").GetString());
        Assert.Equal("hello perf", Only(run, "execute_result").GetProperty("data").GetProperty("text/plain").GetString());
    }

    [Fact]
    public async Task Read_password_asks_for_a_hidden_answer_and_input_for_a_visible_one_with_their_prompts()
    {
        var run = (await Scenario("stdin")).GetProperty("password");

        var asked = run.GetProperty("asked").EnumerateArray().ToList();
        Assert.Equal(("Token: ", true), (asked[0].GetProperty("prompt").GetString(), asked[0].GetProperty("password").GetBoolean()));
        Assert.Equal(("Name? ", false), (asked[1].GetProperty("prompt").GetString(), asked[1].GetProperty("password").GetBoolean()));
        Assert.Equal("ada:6", Only(run, "execute_result").GetProperty("data").GetProperty("text/plain").GetString());
    }

    [Fact]
    public async Task Reading_input_when_the_front_end_has_no_stdin_fails_the_cell_at_once_saying_why()
    {
        var run = (await Scenario("stdin")).GetProperty("no_stdin");

        var reply = run.GetProperty("reply");
        Assert.Equal("error", reply.GetProperty("status").GetString());
        Assert.Contains("Console.ReadLine() waits for someone to type", reply.GetProperty("evalue").GetString(), StringComparison.Ordinal);
        Assert.Equal("2", Only(run.GetProperty("after"), "execute_result").GetProperty("data").GetProperty("text/plain").GetString());
    }

    [Fact]
    public async Task Inspect_on_a_bcl_method_shows_its_signature_summary_and_parameters_from_the_targeting_pack()
    {
        var text = Inspected((await Scenario("inspect")).GetProperty("bcl_method"));

        Assert.StartsWith("int Math.Max(int val1, int val2)", text, StringComparison.Ordinal);
        Assert.Contains("Returns the larger of two 32-bit signed integers.", text, StringComparison.Ordinal);
        Assert.Contains("val1: The first of two 32-bit signed integers to compare.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_on_a_bcl_type_shows_its_namespace_and_summary()
    {
        var text = Inspected((await Scenario("inspect")).GetProperty("bcl_type"));

        Assert.StartsWith("class System.Console", text, StringComparison.Ordinal);
        Assert.Contains("standard input, output, and error streams for console applications", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_on_a_library_method_shows_the_docs_shipped_beside_the_library()
    {
        var text = Inspected((await Scenario("inspect")).GetProperty("library"));

        Assert.Contains("Charts.TimeSeries(", text, StringComparison.Ordinal);
        Assert.Contains("Values over time (e.g. requests per second, p99 per second)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_on_display_documents_its_mime_types_parameter()
    {
        var text = Inspected((await Scenario("inspect")).GetProperty("global"));

        Assert.Contains("display(object? value, params string[] mimeTypes)", text, StringComparison.Ordinal);
        Assert.Contains("mimeTypes: Show the value as exactly these MIME types", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_on_a_variable_shows_its_type_and_current_value()
    {
        var run = await Scenario("inspect");

        var numbers = Inspected(run.GetProperty("variable"));
        Assert.StartsWith("List<int> numbers", numbers, StringComparison.Ordinal);
        Assert.Contains("Value: ", numbers, StringComparison.Ordinal);
        Assert.Contains("3", numbers[numbers.IndexOf("Value: ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var boxed = Inspected(run.GetProperty("boxed"));
        Assert.StartsWith("object boxed (value's type: Int32)", boxed, StringComparison.Ordinal);
        Assert.Contains("Value: 7", boxed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_after_a_dot_offers_linq_extension_methods()
    {
        var matches = (await Scenario("inspect")).GetProperty("extension").GetProperty("matches").EnumerateArray().Select(m => m.GetString()).ToList();

        Assert.Contains("Where", matches);
    }

    private Task<JsonElement> Scenario(string name) => Runs.GetOrAdd(name, async n =>
    {
        var (code, stdout, stderr) = await jupyter.RunPython(Path.Combine("Kernel", "jupyter_cells.py"), n);
        return code == 0
            ? JsonDocument.Parse(stdout).RootElement.Clone()
            : throw new InvalidOperationException($"jupyter_cells.py {n} exited {code}:\n{stderr}\n{stdout}");
    });

    private static string Inspected(JsonElement reply)
    {
        Assert.True(reply.GetProperty("found").GetBoolean());
        return reply.GetProperty("data").GetProperty("text/plain").GetString()!;
    }

    private static List<JsonElement> Messages(JsonElement exchange) => [.. exchange.GetProperty("iopub").EnumerateArray()];

    private static List<string> Kinds(JsonElement exchange) => [.. Messages(exchange).Select(m => m.GetProperty("type").GetString()!)];

    private static List<JsonElement> All(JsonElement exchange, string type) =>
        [.. Messages(exchange).Where(m => m.GetProperty("type").GetString() == type).Select(m => m.GetProperty("content"))];

    private static JsonElement Only(JsonElement exchange, string type) => Assert.Single(All(exchange, type));
}
