using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerfNotebooks.Display;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Servers;

/// <summary>
/// A running sample server: a real ASP.NET Core, Go or Node process on 127.0.0.1 serving one scenario's bug (or its fix).
/// <code>
/// await using var server = await SampleServer.Start("n-plus-one", dbLatency: TimeSpan.FromMilliseconds(1));
/// var body = await new HttpClient().GetStringAsync(server.UrlFor("/users?ids=1,2,3"));
/// server.Code                                   // the exercise file that holds the bug, line-numbered
/// await server.Serve("""
///     ...your version of the file...
///     """);                                       // compiled in the running server, live in about a second
/// await server.Reset();                          // the original file again
/// </code>
/// </summary>
public sealed class SampleServer : IAsyncDisposable, IHtmlRenderable
{
    /// <summary>How long a server may take to seed its database and start listening on a busy machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // Long enough for a first compile of submitted code on a loaded 2-core machine (Roslyn starting cold).
    private static readonly HttpClient Admin = new() { Timeout = TimeSpan.FromSeconds(180) };
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // A Go server is rebuilt with the learner's file and started again on the same port: a new process, log and key.
    private readonly ProcessStartInfo _start;
    private Process _process;
    private ServerLog _log;
    private string _exerciseKey;
    private SampleServer? _reference;
    private ExerciseCode? _code;
    private string _served = "buggy";
    private string _binary;
    private int _disposed;

    // Interview mode: the endpoint answers at another path, and no message names the scenario. The launcher's first
    // line tells every process of the server (a Go server's rebuilt ones too) what to serve.
    private (string Usual, string Shown)? _route;
    private string? _triggerPath;
    private string _name;
    private string? _firstLine;

    // A Go server: the file go build -overlay replaces (an interview shows it as service.go), and the binary it
    // started with (an interview's healthy server is built with the reference fix).
    private string _buildFile;
    private string? _baselineBinary;

    /// <summary>As the servers' own limit on a posted exercise file.</summary>
    private const int MaxSourceBytes = 64 * 1024;

    private SampleServer(ProcessStartInfo start, Process process, ServerLog log, ReadyLine ready, string scenario, string runtime)
    {
        _start = start;
        _binary = start.FileName;
        Runtime = runtime;
        _process = process;
        _log = log;
        Url = ready.Url;
        Pid = ready.Pid;
        Scenario = scenario;
        IsFixed = ready.Text("mode") == "fixed";
        Database = ready.Text("db");
        RuntimeVersion = ready.Text("runtime_version");
        StartupTime = TimeSpan.FromMilliseconds(ready.Number("ready_ms"));
        SeedTime = TimeSpan.FromMilliseconds(ready.Number("seed_ms"));
        Users = (int)ready.Number("users");
        Orders = (int)ready.Number("orders");
        ExerciseFile = ready.Text("exercise");
        _exerciseKey = ready.Text("exercise_key");
        _name = scenario;
        _buildFile = ExerciseFile;
    }

    /// <summary>The scenario names <see cref="Start"/> accepts.</summary>
    public static IReadOnlyList<string> Scenarios => SampleScenarios.All;

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url { get; }

    /// <summary>The server process's id (for profilers, dotnet-counters, kill). A Go server's changes when it serves new code (a rebuilt binary on the same port).</summary>
    public int Pid { get; private set; }

    public string Scenario { get; }

    /// <summary>The language the server is written in: "dotnet" (ASP.NET Core), "go" or "node".</summary>
    public string Runtime { get; }

    /// <summary>The server's runtime and its version as a claim states it, e.g. ".NET 10.0.12", "Go 1.19.8", "Node.js 20.19.2".</summary>
    public string RuntimeDescription => (Runtime switch
    {
        SampleRuntimes.Go => "Go",
        SampleRuntimes.Node => "Node.js",
        _ => ".NET",
    } + " " + RuntimeVersion).TrimEnd();

    /// <summary>The version the server's own runtime reported on its ready line, e.g. "10.0.12".</summary>
    public string RuntimeVersion { get; }

    /// <summary>Whether the server serves the instructor's reference fix (<see cref="Fix"/>), as last set through this handle.</summary>
    public bool IsFixed { get; private set; }

    /// <summary>The name of the scenario's exercise file, e.g. UsersWithOrders.cs.</summary>
    public string ExerciseFile { get; }

    /// <summary>The scenario's exercise file as the server shipped it: the handler and the data access that hold the bug.</summary>
    public ExerciseCode Code => _code ??= ReadCode();

    /// <summary>"sqlite" or "postgres".</summary>
    public string Database { get; }

    /// <summary>From process start to listening, as the server measured it (includes <see cref="SeedTime"/>).</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Time the server took to create and fill its database.</summary>
    public TimeSpan SeedTime { get; }

    public int Users { get; }

    public int Orders { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The scenario's endpoint that shows the bug, e.g. /users?ids=1,...,20 for n-plus-one.</summary>
    public Uri TriggerUrl => UrlFor(_triggerPath ?? SampleScenarios.TriggerPath[Scenario]);

    /// <summary>
    /// Interview mode: a server told its scenario and endpoint path on stdin (so neither argv, the environment, the
    /// ready line nor any endpoint names it), serving the scenario's reference fix as its original file when
    /// <paramref name="healthy"/>. Messages call it "interview server".
    /// </summary>
    /// <param name="runtime">The server's language: one whose server has the scenario's exercise file.</param>
    /// <param name="scenario">The scenario served.</param>
    /// <param name="path">The endpoint's path instead of the usual one, e.g. /api/v2/ledger.</param>
    /// <param name="triggerPathAndQuery">What <see cref="TriggerUrl"/> points at, e.g. /api/v2/ledger?limit=81234.</param>
    /// <param name="dbLatency">Delay added to every database round trip.</param>
    /// <param name="healthy">Serve the reference fix from the start, shown as the file (the no-bug variant).</param>
    /// <param name="ct">Cancels the start.</param>
    internal static async Task<SampleServer> StartHidden(string runtime, string scenario, string path, string triggerPathAndQuery, TimeSpan dbLatency, bool healthy, CancellationToken ct)
    {
        runtime = SampleRuntimes.Check(runtime, scenario);

        var start = await ServerCommandLine.For(runtime, ct);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        start.ArgumentList.Add("--db");
        start.ArgumentList.Add("env");
        start.ArgumentList.Add("--db-latency");
        start.ArgumentList.Add(dbLatency.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms");
        start.Environment["PERFNB_DB"] = "sqlite";
        start.Environment["PERFNB_STOP_WITH_STDIN"] = "1";
        start.Environment["PERFNB_INTERVIEW"] = "1";
        using var cell = NotebookHost.JoinCell(ct);
        var firstLine = scenario + " " + path;
        string? goFile = null, goSource = null;
        if (runtime == SampleRuntimes.Go)
        {
            // A Go binary serves the file it was built from: a healthy one is built with the reference fix.
            goFile = ExerciseSources.GoFile(scenario);
            goSource = healthy ? await File.ReadAllTextAsync(ReferenceFix.PathFor(scenario, goFile), cell.Token) : ExerciseSources.Original(scenario, runtime);
            if (healthy)
            {
                start.FileName = (await GoExerciseBuild.Build(goFile, goSource, cell.Token)).Binary;
            }
        }

        var (process, log, ready) = await Launch(start, "interview server", cell.Token, firstLine);
        try
        {
            var server = new SampleServer(start, process, log, ready, scenario, runtime)
            {
                _route = (SampleScenarios.TriggerPath[scenario].Split('?')[0], path),
                _triggerPath = triggerPathAndQuery,
                _name = "interview server",
                _firstLine = firstLine,
            };
            if (goFile is not null)
            {
                (server._buildFile, server._baselineBinary) = (goFile, start.FileName);
                server._code = new ExerciseCode(server.ExerciseFile, CommentFreeSource.Go(goSource!));
            }
            else if (healthy)
            {
                await server.SendCode(await File.ReadAllTextAsync(ReferenceFix.PathFor(scenario, server.ExerciseFile), cell.Token), "baseline", 1, cell.Token);
            }

            return server;
        }
        catch (Exception) when (!process.HasExited)
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>A URL for a request written with the scenario's usual path (the checker's), at the path this server answers on.</summary>
    internal Uri RoutedUrl(string pathAndQuery)
    {
        if (_route is { } route && pathAndQuery.StartsWith(route.Usual, StringComparison.Ordinal)
            && (pathAndQuery.Length == route.Usual.Length || pathAndQuery[route.Usual.Length] == '?'))
        {
            pathAndQuery = route.Shown + pathAndQuery[route.Usual.Length..];
        }

        return UrlFor(pathAndQuery);
    }

    /// <summary>"env" means the caller's own PERFNB_DB, so a password given that way never reaches a command line.</summary>
    private static string DatabaseUrl(string? database) =>
        string.IsNullOrWhiteSpace(database) ? "sqlite"
        : !database.Equals("env", StringComparison.OrdinalIgnoreCase) ? database
        : Environment.GetEnvironmentVariable("PERFNB_DB") is { Length: > 0 } fromEnvironment && !fromEnvironment.Equals("env", StringComparison.OrdinalIgnoreCase) ? fromEnvironment
        : throw new BadInputException("database 'env' reads the URL from the PERFNB_DB environment variable, which is not set; export PERFNB_DB=postgres://user:password@host:port/db, or pass 'sqlite'");

    /// <summary>
    /// Starts the server process and waits until it listens.
    /// </summary>
    /// <param name="scenario">One of <see cref="Scenarios"/>.</param>
    /// <param name="fixedBug">Serve the instructor's reference fix (instructor/fixes/) from the first request.</param>
    /// <param name="database">"sqlite" (default: a seeded temp file), a postgres://user:password@host:port/db URL, or "env" for the URL in PERFNB_DB.</param>
    /// <param name="dbLatency">Delay added to every database round trip, like a network hop (e.g. 1 ms).</param>
    /// <param name="port">Port on 127.0.0.1; 0 picks a free one.</param>
    /// <param name="extraArguments">Further server options, e.g. "--pool-size", "8".</param>
    /// <param name="runtime">The server's language: "dotnet" (default, every scenario), "go" or "node" (see <see cref="SampleRuntimes"/>); built on first use.</param>
    /// <param name="ct">Cancels the wait (and kills the half-started server).</param>
    public static async Task<SampleServer> Start(
        string scenario,
        bool fixedBug = false,
        string? database = null,
        TimeSpan? dbLatency = null,
        int port = 0,
        IEnumerable<string>? extraArguments = null,
        string runtime = SampleRuntimes.Dotnet,
        CancellationToken ct = default)
    {
        runtime = SampleRuntimes.Check(runtime, scenario);
        if (port is < 0 or > 65535)
        {
            throw new BadInputException($"port {port} is not between 0 and 65535; use 0 for any free port");
        }

        if (dbLatency is { } latency && (latency < TimeSpan.Zero || latency > TimeSpan.FromSeconds(60)))
        {
            throw new BadInputException($"dbLatency {latency} is not between 0 and 60 s");
        }

        var start = await ServerCommandLine.For(runtime, ct);
        start.ArgumentList.Add(scenario);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        // The URL can hold a password: it travels in the environment (readable by this user only), never in argv (ps shows that).
        start.ArgumentList.Add("--db");
        start.ArgumentList.Add("env");
        start.Environment["PERFNB_DB"] = DatabaseUrl(database);
        // The server stops when our end of its stdin closes: when this process ends, however it ends.
        start.Environment["PERFNB_STOP_WITH_STDIN"] = "1";
        if (dbLatency is { } delay)
        {
            start.ArgumentList.Add("--db-latency");
            start.ArgumentList.Add(delay.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms");
        }

        foreach (var argument in extraArguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        using var cell = NotebookHost.JoinCell(ct); // an interrupted cell kills the half-started server
        var (process, log, ready) = await Launch(start, scenario, cell.Token);
        try
        {
            var server = new SampleServer(start, process, log, ready, scenario, runtime);
            if (fixedBug)
            {
                // The fix lives only in instructor/fixes: every server with an exercise file is sent it (Go: rebuilt with it).
                await server.Fix(cell.Token);
            }

            return server;
        }
        catch (Exception) when (!process.HasExited)
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Starts a server process and waits for its ready line; a failure to start is bad input (exit 2) or failed work.</summary>
    private static async Task<(Process Process, ServerLog Log, ReadyLine Ready)> Launch(ProcessStartInfo start, string scenario, CancellationToken ct, string? firstLine = null)
    {
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var log = new ServerLog();
        var ready = new TaskCompletionSource<ReadyLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            log.Add(e.Data);
            if (ReadyLine.TryParse(e.Data) is { } line)
            {
                ready.TrySetResult(line);
            }
        };
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        if (!process.Start())
        {
            throw new WorkFailedException($"could not start '{start.FileName}' for the sample server");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (firstLine is not null)
        {
            // Kept open after the line: the server stops when it closes (PERFNB_STOP_WITH_STDIN).
            await process.StandardInput.WriteLineAsync(firstLine.AsMemory(), ct);
            await process.StandardInput.FlushAsync(ct);
        }

        try
        {
            var exited = process.WaitForExitAsync(ct);
            var first = await Task.WhenAny(ready.Task, exited).WaitAsync(StartTimeout, ct);
            if (first == ready.Task)
            {
                return (process, log, await ready.Task);
            }

            await exited;
            var why = log.LastLine().Replace("sample-server: ", "", StringComparison.Ordinal);
            if (process.ExitCode == 2)
            {
                throw new BadInputException(why);
            }

            throw new WorkFailedException($"sample server '{scenario}' exited with code {process.ExitCode} before it was ready: {why}");
        }
        catch (TimeoutException)
        {
            Kill(process);
            throw new WorkFailedException($"sample server '{scenario}' did not start listening within {StartTimeout.TotalSeconds:0} s: {log.LastLine()}");
        }
        catch (Exception) when (!process.HasExited)
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Completes when the server process exits, on its own or stopped.</summary>
    public Task WaitForExit(CancellationToken ct = default) => _process.WaitForExitAsync(ct);

    /// <summary>The absolute URL of a path on this server, e.g. UrlFor("/users?ids=1,2").</summary>
    public Uri UrlFor(string pathAndQuery) => new(Url, pathAndQuery);

    /// <summary>
    /// Serves your version of the exercise file from now on: the running .NET server compiles it (Roslyn) and the Node
    /// server loads it (node:vm), both without a restart; the Go server is rebuilt with it (go build, a few seconds) and
    /// started again on the same port, a new <see cref="Pid"/>. Start the raw string on the call's line, so errors and stacks name your cell's lines.
    /// A compile error fails the cell with the compiler's messages; an exception on the first request is shown.
    /// </summary>
    /// <param name="code">The whole exercise file (start from <see cref="Code"/>).</param>
    /// <param name="line">Filled in by the compiler: the cell line of the call.</param>
    /// <param name="ct">Cancels the request.</param>
    public async Task<ServedCode> Serve(string code, [CallerLineNumber] int line = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        RequireExercise();
        var served = await SendCode(code, "learner", line + 1, ct);
        IsFixed = false;
        return served;
    }

    /// <summary>Serves the exercise file the server started with again.</summary>
    public async Task Reset(CancellationToken ct = default)
    {
        if (Runtime == SampleRuntimes.Go && _served == "buggy")
        {
            return; // this binary is built from the original file
        }

        RequireExercise();
        if (Runtime == SampleRuntimes.Go)
        {
            await Relaunch(_baselineBinary ?? await GoServerBuild.Ensure(ct), "buggy", ct);
            IsFixed = false;
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, UrlFor("/admin/exercise"));
        request.Headers.Add("X-Exercise-Key", _exerciseKey);
        using var response = await SendChecked(request, ct);
        IsFixed = false;
    }

    /// <summary>Serves the instructor's reference fix (instructor/fixes/SCENARIO.cs), for comparisons and checkers.</summary>
    public async Task Fix(CancellationToken ct = default)
    {
        RequireExercise();
        await SendCode(await File.ReadAllTextAsync(ReferenceFix.PathFor(Scenario, ExerciseFile), ct), "fixed", 1, ct);
        IsFixed = true;
    }

    /// <summary>Has the server keep the reference fix beside the served code, for <see cref="AskReference"/> requests (the checker's).</summary>
    internal async Task KeepReference(CancellationToken ct) =>
        await SendCode(await File.ReadAllTextAsync(ReferenceFix.PathFor(Scenario, ExerciseFile), ct), "reference", 1, ct);

    /// <summary>The server's managed heap after a full, compacting collection (GET /admin/exercise/heap): what is really kept.</summary>
    internal async Task<long> HeapAfterFullGc(CancellationToken ct)
    {
        using var response = await Send(HttpMethod.Get, "/admin/exercise/heap", ct);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["heapBytes"]!;
    }

    /// <summary>A GET answered by the reference kept beside the served code instead of by the served code.</summary>
    internal HttpRequestMessage AskReference(string pathAndQuery)
    {
        if (_reference is not null)
        {
            return new HttpRequestMessage(HttpMethod.Get, _reference.RoutedUrl(pathAndQuery)); // a Go server's reference runs beside it
        }

        var request = new HttpRequestMessage(HttpMethod.Get, RoutedUrl(pathAndQuery));
        request.Headers.Add("X-Exercise-Key", _exerciseKey);
        request.Headers.Add("X-Exercise-Reference", "1");
        return request;
    }

    /// <summary>Serves the original, buggy exercise file again (same as <see cref="Reset"/>).</summary>
    public Task Break(CancellationToken ct = default) => Reset(ct);

    /// <summary>The server's own process, GC, thread-pool, lock and database figures (GET /debug/stats).</summary>
    public async Task<ServerStats> Stats(CancellationToken ct = default)
    {
        using var response = await Send(HttpMethod.Get, "/debug/stats", ct);
        return await response.Content.ReadFromJsonAsync<ServerStats>(Json, ct)
            ?? throw new WorkFailedException($"{UrlFor("/debug/stats")} answered an empty body");
    }

    /// <summary>The Prometheus exposition text (GET /metrics).</summary>
    public async Task<string> Metrics(CancellationToken ct = default)
    {
        using var response = await Send(HttpMethod.Get, "/metrics", ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>The last lines the server printed (its warnings and errors), for diagnosing a failure.</summary>
    public IReadOnlyList<string> RecentOutput => _log.Lines();

    public override string ToString() =>
        $"{Scenario} ({(IsFixed ? "fixed" : "buggy")}, {Database}, {Runtime}) at {Url} pid {Pid}";

    /// <summary>Where the server listens, which code path it serves, and the URL that shows the bug.</summary>
    public string ToHtml()
    {
        var mode = IsFixed ? new Cell("fixed", Tone.Good) : new Cell("buggy", Tone.Bad);
        var html = new ResultHtml("Sample server", Scenario);
        html.Facts(
            ("mode", mode),
            ("runtime", Runtime),
            ("url", Cell.Code(Url.ToString())),
            ("trigger", Cell.Code(TriggerUrl.ToString())),
            ("database", Database),
            ("pid", Cell.Figure(Pid, "0")),
            ("data", FormattableString.Invariant($"{Number(Users, "#,##0")} users, {Number(Orders, "#,##0")} orders")),
            ("started in", FormattableString.Invariant($"{Number(StartupTime.TotalSeconds, "0.0")} s (seeding {Number(SeedTime.TotalSeconds, "0.0")} s)")));

        // A disposed handle has no process to ask; a live one may have died since it started.
        if (Volatile.Read(ref _disposed) == 1)
        {
            html.Line(Cell.Muted("stopped"));
        }
        else if (HasExited)
        {
            html.Warning("the server process has exited; start a new one");
        }

        return html.ToString();
    }

    /// <summary>Stops the server: gracefully (it drops its temp database) and, failing that, kills the process tree.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            if (_reference is not null)
            {
                await _reference.DisposeAsync();
            }

            await StopProcess();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    /// <summary><see cref="Code"/> without blocking a thread: for async callers (the CLI, whose sockets may run inline).</summary>
    internal async Task<ExerciseCode> CodeAsync(CancellationToken ct)
    {
        if (_code is { } known)
        {
            return known;
        }

        RequireExercise();
        if (Runtime == SampleRuntimes.Go)
        {
            return _code = ReadCode();
        }

        using var response = await Admin.GetAsync(UrlFor("/admin/exercise"), ct);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        return _code = new ExerciseCode((string)body["file"]!, (string)body["source"]!);
    }

    private ExerciseCode ReadCode()
    {
        RequireExercise();
        if (Runtime == SampleRuntimes.Go)
        {
            // The server is built from the checkout's sources; its exercise file is one of them.
            return new ExerciseCode(ExerciseFile, File.ReadAllText(RepoCheckout.PathTo("servers", "go", _buildFile)));
        }

        // A property reads best in a cell; the server answers from memory, so blocking here is brief.
        using var response = Admin.Send(new HttpRequestMessage(HttpMethod.Get, UrlFor("/admin/exercise")));
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(response.Content.ReadAsStream())!;
        return new ExerciseCode((string)body["file"]!, (string)body["source"]!);
    }

    // Every scenario of every runtime has an exercise file, named on the ready line; a server that names none is not one of ours.
    private bool HasExercise => ExerciseFile.Length > 0;

    private void RequireExercise()
    {
        if (!HasExercise)
        {
            throw new WorkFailedException($"the {Runtime} '{Scenario}' server named no exercise file on its ready line, so there is no code to serve or fix; is it a PerfNotebooks sample server of this version?");
        }
    }

    private async Task<ServedCode> SendCode(string code, string label, int firstCellLine, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var compile = Runtime == SampleRuntimes.Go
            ? await ServeGo(code, label, firstCellLine, ct)
            : await SendToServer(code, label, firstCellLine, ct);
        if (label == "reference")
        {
            return new ServedCode(ExerciseFile, code, compile, clock.Elapsed, 200, null);
        }

        using var first = await Admin.GetAsync(TriggerUrl, ct);
        var live = clock.Elapsed;
        LearnerException? thrown = null;
        if ((int)first.StatusCode == 500 && JsonNode.Parse(await first.Content.ReadAsStringAsync(ct)) is JsonObject error && error["exception"] is not null)
        {
            thrown = LearnerExceptionFrom(error, firstCellLine);
        }

        return new ServedCode(ExerciseFile, code, compile, live, (int)first.StatusCode, thrown);
    }

    /// <summary>The .NET and Node servers compile the file themselves (POST /admin/exercise); returns their compile time.</summary>
    private async Task<TimeSpan> SendToServer(string code, string label, int firstCellLine, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, UrlFor("/admin/exercise?label=" + label))
        {
            Content = new StringContent(code, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("X-Exercise-Key", _exerciseKey);
        using var response = await Admin.SendAsync(request, ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) ?? new JsonObject();
        if ((int)response.StatusCode == 422)
        {
            var errors = body["errors"]!.AsArray().Select(e =>
                $"  {(firstCellLine > 1 ? "cell line " + ((int)e!["line"]! + firstCellLine - 1) : "line " + (int)e!["line"]!)}, column {(int)e["column"]!}: {(string?)e["id"]}: {(string?)e["message"]}");
            throw new BadInputException($"your {ExerciseFile} does not compile; the server still serves the previous code:\n{string.Join('\n', errors)}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new BadInputException($"the server refused the code ({(int)response.StatusCode}): {(string?)body["error"]}");
        }

        return TimeSpan.FromMilliseconds((double)body["compileMs"]!);
    }

    /// <summary>
    /// A Go server is rebuilt with the file in place of its exercise file and started again on the same port (the
    /// reference instead runs beside it, for the checker); returns the build time.
    /// </summary>
    private async Task<TimeSpan> ServeGo(string code, string label, int firstCellLine, CancellationToken ct)
    {
        if (Encoding.UTF8.GetByteCount(code) > MaxSourceBytes)
        {
            throw new BadInputException($"the server refused the code (413): the source is larger than {MaxSourceBytes / 1024} KB; send only the exercise file");
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            throw new BadInputException("the server refused the code (400): the body is empty; send the whole exercise file");
        }

        string binary;
        TimeSpan built;
        try
        {
            (binary, built) = await GoExerciseBuild.Build(_buildFile, code, ct);
        }
        catch (GoCompileFailure e)
        {
            throw CompileErrors(e.Errors.Select(x => (x.Line, x.Column, "go", x.Message)), firstCellLine);
        }

        if (label == "reference")
        {
            if (_reference is null || _reference.HasExited)
            {
                var (process, log, ready) = await Launch(CommandFor(binary, "fixed", port: 0), _name, ct, _firstLine);
                _reference = new SampleServer(_start, process, log, ready, Scenario, Runtime) { _route = _route, _name = _name + " (reference)" };
            }

            return built;
        }

        await Relaunch(binary, label, ct);
        return built;
    }

    private BadInputException CompileErrors(IEnumerable<(int Line, int Column, string Id, string Message)> errors, int firstCellLine) =>
        new($"your {ExerciseFile} does not compile; the server still serves the previous code:\n" + string.Join('\n', errors.Select(e =>
            $"  {(firstCellLine > 1 ? "cell line " + (e.Line + firstCellLine - 1) : "line " + e.Line)}, column {e.Column}: {e.Id}: {e.Message}")));

    /// <summary>The server's command line with another binary, on <paramref name="port"/>, serving <paramref name="served"/>.</summary>
    private ProcessStartInfo CommandFor(string binary, string served, int port)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var arguments = _start.ArgumentList.ToList();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--fixed")
            {
                continue; // the rebuilt binary serves its exercise file
            }

            start.ArgumentList.Add(arguments[i]);
            if (arguments[i] == "--port" && i + 1 < arguments.Count)
            {
                start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
                i++;
            }
        }

        foreach (var (name, value) in _start.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["PERFNB_SERVED"] = served;
        return start;
    }

    /// <summary>Stops this Go server and starts <paramref name="binary"/> on the same port: the same URL, a new process.</summary>
    private async Task Relaunch(string binary, string served, CancellationToken ct)
    {
        var start = CommandFor(binary, served, Url.Port);
        await StopProcess();
        (Process, ServerLog, ReadyLine) launched;
        try
        {
            launched = await Launch(start, _name, ct, _firstLine);
        }
        catch (Exception e) when (e is WorkFailedException or BadInputException && _binary != binary)
        {
            // Code that compiles can still stop the server starting (a panic in init): serve the previous binary again.
            await Relaunch(_binary, _served, ct);
            throw new BadInputException($"the server did not start with your {ExerciseFile} ({e.Message}); it serves the previous code again");
        }

        var (process, log, ready) = launched;
        _process.Dispose();
        (_process, _log, _exerciseKey, Pid, _served, _binary) = (process, log, ready.Text("exercise_key"), ready.Pid, served, binary);
    }

    private async Task StopProcess()
    {
        if (!_process.HasExited)
        {
            try
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var request = new HttpRequestMessage(HttpMethod.Post, UrlFor("/admin/stop"));
                request.Headers.Add("X-Exercise-Key", _exerciseKey);
                using var response = await Admin.SendAsync(request, stop.Token);
                await _process.WaitForExitAsync(stop.Token);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // Not answering or too slow to stop (a starved pool, an exhausted database): kill it.
            }
        }

        Kill(_process);
    }

    /// <summary>Reads a 500 from the learner's code: their exception, with their cell's lines.</summary>
    internal LearnerException LearnerExceptionFrom(JsonObject error, int firstCellLine) => new(
        (string?)error["exception"] ?? "?",
        (string?)error["message"] ?? "",
        [.. (error["stack"]?.AsArray() ?? []).Select(f => ServedCode.ToCellLines((string?)f ?? "", ExerciseFile, firstCellLine))]);

    private async Task<HttpResponseMessage> SendChecked(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await Admin.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            throw new WorkFailedException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
        }

        return response;
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, CancellationToken ct)
    {
        if (_process.HasExited)
        {
            throw new WorkFailedException($"sample server '{_name}' (pid {Pid}) has exited with code {_process.ExitCode}: {_log.LastLine()}");
        }

        using var request = new HttpRequestMessage(method, UrlFor(path));
        HttpResponseMessage response;
        try
        {
            response = await Admin.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new WorkFailedException($"sample server at {Url} did not answer {method} {path}: {e.Message}", e);
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            throw new WorkFailedException($"{method} {UrlFor(path)} answered {(int)response.StatusCode}: {body}");
        }

        return response;
    }
}
