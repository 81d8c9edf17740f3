using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>The session our kernel and runner share, driven in-process.</summary>
[Trait("Category", "Live")]
public class CSharpSessionTests
{
    private sealed class Recorder : ICellOutput
    {
        public System.Text.StringBuilder Stdout { get; } = new();

        public List<(MimeBundle Bundle, string Id, bool Update)> Displays { get; } = [];

        public void Stream(string name, string text)
        {
            lock (Stdout)
            {
                Stdout.Append(text);
            }
        }

        public void Display(MimeBundle bundle, string displayId, bool update) => Displays.Add((bundle, displayId, update));

        public string? RequestInput(string prompt, bool password) => "typed by the user";
    }

    private static async Task<(CellResult Result, Recorder Output)> Run(CSharpSession session, string code)
    {
        var output = new Recorder();
        var result = await session.ExecuteAsync(code, output);
        return (result, output);
    }

    [Fact]
    public async Task Top_level_await_works_in_a_cell()
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, "await Task.Delay(10);\nawait Task.FromResult(41) + 1");

        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal("42", (string?)result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task Library_and_dataframe_types_are_available_without_usings()
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, "var df = new DataFrame(new PrimitiveDataFrameColumn<int>(\"n\", new[] { 1, 2, 3 }));\ndf.Rows.Count");

        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal("3", (string?)result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task Console_output_of_background_work_reaches_the_cell_that_started_it()
    {
        var session = new CSharpSession();

        var (_, output) = await Run(session, "await Task.Run(() => Console.WriteLine(\"from the pool\"));");

        Assert.Contains("from the pool", output.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_error_line_numbers_survive_loop_weaving()
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, "for (var i = 0; i < 2; i++) { }\nwhile (false) { }\nint bad = \"x\";");

        Assert.Equal(CellStatus.Error, result.Status);
        Assert.StartsWith("(3,11)", result.Error!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interrupt_stops_a_recursive_method_that_never_yields()
    {
        var session = new CSharpSession();
        await session.WarmUpAsync();

        var running = session.ExecuteAsync("long Spin(long n) { while (true) { n++; } }\nSpin(0)", new Recorder());
        await Task.Delay(500);
        session.Interrupt();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CellStatus.Interrupted, result.Status);
    }

    [Fact]
    public async Task Interrupt_stops_only_its_own_sessions_cell_when_two_share_a_process()
    {
        var interrupted = new CSharpSession();
        var bystander = new CSharpSession();
        await Task.WhenAll(interrupted.WarmUpAsync(), bystander.WarmUpAsync());
        var bystanderOutput = new Recorder();

        var spinning = interrupted.ExecuteAsync("while (true) { }", new Recorder());
        var counting = bystander.ExecuteAsync("Console.WriteLine(\"counting\");\nvar n = 0L;\nvar until = DateTime.UtcNow.AddSeconds(3);\nwhile (DateTime.UtcNow < until) { n++; }\nn > 0", bystanderOutput);
        await WaitFor(() => bystanderOutput.Stdout.ToString().Contains("counting", StringComparison.Ordinal));
        await Task.Delay(300);
        interrupted.Interrupt();
        var stopped = await spinning.WaitAsync(TimeSpan.FromSeconds(30));
        var finished = await counting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CellStatus.Interrupted, stopped.Status);
        Assert.True(finished.Status == CellStatus.Ok, finished.Error?.Value);
        Assert.Equal("True", (string?)finished.Value!.Data["text/plain"]);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 30_000, "the cell did not start within 30 s");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Interrupt_wakes_a_cell_blocked_in_thread_sleep()
    {
        var session = new CSharpSession();
        await session.WarmUpAsync();

        var running = session.ExecuteAsync("System.Threading.Thread.Sleep(Timeout.Infinite);", new Recorder());
        await Task.Delay(500);
        session.Interrupt();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(CellStatus.Interrupted, result.Status);
    }

    [Fact]
    public async Task Who_magic_lists_variables_defined_so_far()
    {
        var session = new CSharpSession();
        await Run(session, "var alpha = 1; var beta = \"two\";");

        var (_, output) = await Run(session, "#!who");

        Assert.Contains("alpha", output.Stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("beta", output.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whos_magic_shows_types_and_values()
    {
        var session = new CSharpSession();
        await Run(session, "var total = 12.5;");

        var (_, output) = await Run(session, "#!whos");

        Assert.Matches(@"total\s+Double\s+12\.5", output.Stdout.ToString());
    }

    [Fact]
    public async Task Time_magic_reports_wall_time()
    {
        var session = new CSharpSession();

        var (_, output) = await Run(session, "#!time\nvar x = 1;");

        Assert.Matches(@"Wall time: \d+(\.\d+)? ms", output.Stdout.ToString());
    }

    [Fact]
    public async Task Lsmagic_lists_the_supported_magics()
    {
        var session = new CSharpSession();

        var (_, output) = await Run(session, "#!lsmagic");

        Assert.Contains("#!whos", output.Stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1")]
    [InlineData("#!pwsh\nGet-Date")]
    public async Task Non_csharp_cells_get_an_error_saying_only_csharp_runs(string cell)
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, cell);

        Assert.Equal(CellStatus.Error, result.Status);
        Assert.Contains("C# only", result.Error!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_to_a_missing_dll_names_the_path_and_the_alternatives()
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, "#r \"missing/Nope.dll\"");

        Assert.Equal(CellStatus.Error, result.Status);
        Assert.Contains("Nope.dll", result.Error!.Value, StringComparison.Ordinal);
        Assert.Contains("nuget:", result.Error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nuget_reference_to_an_unavailable_package_is_a_clear_error()
    {
        var cache = Directory.CreateTempSubdirectory("perfnb-nuget-").FullName;
        var session = new CSharpSession(packageCache: cache);

        var (result, _) = await Run(session, "#r \"nuget: PerfNotebooks.NoSuchPackage.Anywhere, 9.9.9\"");

        Assert.Equal(CellStatus.Error, result.Status);
        Assert.Contains("PerfNotebooks.NoSuchPackage.Anywhere", result.Error!.Value, StringComparison.Ordinal);
        Assert.Contains("not available", result.Error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_read_line_in_a_cell_asks_the_host_for_input()
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, "Console.ReadLine()");

        Assert.Equal("typed by the user", (string?)result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task Library_code_can_display_into_the_running_cell()
    {
        var session = new CSharpSession();

        var (_, output) = await Run(session, "var h = PerfNotebooks.NotebookHost.Display(\"working\");\nh!.Update(\"done\");");

        Assert.Equal(2, output.Displays.Count);
        Assert.False(output.Displays[0].Update);
        Assert.True(output.Displays[1].Update);
        Assert.Equal(output.Displays[0].Id, output.Displays[1].Id);
    }

    [Fact]
    public async Task Progress_view_updates_its_display_in_place_until_it_completes()
    {
        var session = new CSharpSession();

        var (_, output) = await Run(session, "var p = new PerfNotebooks.Display.ProgressView(\"Load run\", 3);\ndisplay(p);\nfor (var i = 1; i <= 3; i++) { await Task.Delay(150); p.Update(i); }\np.Complete();");

        Assert.False(output.Displays[0].Update);
        Assert.True(output.Displays.Count >= 2);
        Assert.All(output.Displays.Skip(1), d => Assert.True(d.Update));
        Assert.All(output.Displays, d => Assert.Equal(output.Displays[0].Id, d.Id));
    }

    [Fact]
    public async Task Load_run_in_a_cell_shows_a_live_progress_display_that_ends_complete()
    {
        await using var server = new PerfNotebooks.Tests.Fixtures.TinyHttpServer();
        var session = new CSharpSession();

        var (result, output) = await Run(session, $"var run = await Load.Run(\"{server.Url()}\", connections: 2, duration: 2.Seconds(), warmup: TimeSpan.Zero);");

        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.NotEmpty(output.Displays);
        Assert.Contains("requests", (string?)output.Displays[^1].Bundle.Data["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_compare_in_a_cell_shows_one_progress_display_for_all_its_runs()
    {
        await using var server = new PerfNotebooks.Tests.Fixtures.TinyHttpServer();
        var session = new CSharpSession();
        var options = "new LoadOptions { Connections = 1, Duration = TimeSpan.FromSeconds(0.3), Warmup = TimeSpan.Zero }";

        var (result, output) = await Run(session, $"var c = await Load.Compare(\"{server.Url()}\", \"{server.Url("/sleep/1")}\", runs: 2, options: {options});");

        Assert.True(result.Status == CellStatus.Ok, result.Error?.Value);
        Assert.Single(output.Displays.Select(d => d.Id).Distinct());
        Assert.Contains("Compare before/after", (string?)output.Displays[^1].Bundle.Data["text/plain"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polyglot_magic_command_the_kernel_does_not_run_is_named_as_a_magic_not_a_language()
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, "#!set --name x --value 5\n1 + 1");

        Assert.Equal("UnsupportedMagic", result.Error!.Name);
        Assert.StartsWith("#!set is a Polyglot magic command", result.Error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_source_directive_runs_the_cell_and_says_the_source_is_not_used()
    {
        var session = new CSharpSession();

        var (result, output) = await Run(session, "#i \"nuget:https://example.invalid/v3/index.json\"\n1 + 1");

        Assert.Equal("2", (string?)result.Value!.Data["text/plain"]);
        Assert.Contains("package sources are not added per notebook", output.Stdout.ToString(), StringComparison.Ordinal);
    }

    private const string ResourceClass = """
        class Resource : IDisposable, IAsyncDisposable
        {
            public string State = "open";
            public void Dispose() => State = "disposed";
            public ValueTask DisposeAsync() { State = "disposed async"; return ValueTask.CompletedTask; }
        }
        class Faulty : IDisposable { public void Dispose() => throw new InvalidOperationException("flush failed"); }
        """;

    [Fact]
    public async Task Top_level_using_var_is_open_during_the_cell_and_disposed_when_it_ends()
    {
        var session = new CSharpSession();
        await Run(session, ResourceClass);

        var (during, _) = await Run(session, "using var r = new Resource();\nvar held = r;\nr.State");
        var (after, _) = await Run(session, "held.State");

        Assert.True(during.Status == CellStatus.Ok, during.Error?.Value);
        Assert.Equal("open", (string?)during.Value!.Data["text/plain"]);
        Assert.Equal("disposed", (string?)after.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task Top_level_await_using_disposes_asynchronously()
    {
        var session = new CSharpSession();
        await Run(session, ResourceClass);

        await Run(session, "await using var r = new Resource();\nvar held = r;");
        var (after, _) = await Run(session, "held.State");

        Assert.Equal("disposed async", (string?)after.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task Top_level_using_with_an_explicit_type_and_two_declarators_disposes_both()
    {
        var session = new CSharpSession();
        await Run(session, ResourceClass);

        var (declared, _) = await Run(session, "Resource a = new Resource(), b = new Resource();\nusing IDisposable x = a, y = b;");
        var (after, _) = await Run(session, "a.State + \" \" + b.State");

        Assert.True(declared.Status == CellStatus.Ok, declared.Error?.Value);
        Assert.Equal("disposed disposed", (string?)after.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task Failure_while_disposing_a_top_level_using_fails_the_cell_with_its_message()
    {
        var session = new CSharpSession();
        await Run(session, ResourceClass);

        var (result, _) = await Run(session, "using var f = new Faulty();\nConsole.WriteLine(\"work done\");");

        Assert.Equal(CellStatus.Error, result.Status);
        Assert.Contains("flush failed", result.Error!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Using_alias_directives_still_work_beside_using_declarations()
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, "using Sb = System.Text.StringBuilder;\nnew Sb(\"alias\").ToString()");

        Assert.Equal("alias", (string?)result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task Top_level_using_of_a_type_that_is_not_disposable_gets_the_compilers_own_words()
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, "var a = 1;\nusing var n = 5;");

        Assert.Equal(CellStatus.Error, result.Status);
        Assert.StartsWith("(2,", result.Error!.Value, StringComparison.Ordinal);
        Assert.Contains("error CS1674: 'int': type used in a using statement must implement 'System.IDisposable'.", result.Error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flame_and_call_tree_types_resolve_without_namespaces_in_a_cell()
    {
        var session = new CSharpSession();

        var (result, _) = await Run(session, "FlameNode.FromCollapsed(\"a;b 1\").Count() + new CallTreeNode(\"all\").Total");

        Assert.True(result.Status == CellStatus.Ok, result.Error?.Value);
        Assert.Equal("3", (string?)result.Value!.Data["text/plain"]);
    }
}
