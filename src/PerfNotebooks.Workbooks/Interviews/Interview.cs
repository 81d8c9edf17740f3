using System.Globalization;
using PerfNotebooks.Display;
using PerfNotebooks.Evidence;
using PerfNotebooks.Profiling;
using PerfNotebooks.Servers;
using PerfNotebooks.Workbooks.Exercises;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Workbooks.Interviews;

/// <summary>
/// The exercise as it is really given: a running server with a performance problem the candidate is not told about
/// (or none at all), a clock, and a score. Nothing the candidate can see names the scenario.
/// <code>
/// await using var interview = await Interview.Start(seed: 7, candidate: "Ada");
/// var sampling = Profiler.Attach(interview.Pid).Sample(5.Seconds());    // recorded as evidence
/// await Load.Run(interview.TriggerUrl.ToString(), duration: 5.Seconds()); // recorded too
/// interview.Code                                                       // Service.cs
/// await interview.Serve("""...your fix...""");
/// var score = await interview.Submit("n-plus-one", evidence: ["profile"]);
/// </code>
/// </summary>
public sealed class Interview : IAsyncDisposable, IHtmlRenderable
{
    private readonly SampleServer _server;
    private readonly InterviewVariant _variant;
    private readonly List<InterviewEvidence> _evidence = [];
    private readonly Lock _gate = new();
    private string? _fixCode;
    private InterviewScore? _score;

    private IDisposable _profileDisguise;
    private int _disguisedPid;

    private Interview(SampleServer server, InterviewVariant variant, int seed, string candidate, TimeSpan allowed, string folder)
    {
        _server = server;
        _variant = variant;
        Seed = seed;
        Candidate = candidate;
        Folder = folder;
        Clock = new InterviewClock(DateTimeOffset.UtcNow, allowed);
        (_profileDisguise, _disguisedPid) = (FrameDisguises.Register(server.Pid, InterviewProfileWords.All), server.Pid);
        EvidenceTrail.Taken += Witness;
    }

    /// <summary>What a diagnosis may be: one of the known causes, or "none" (nothing is wrong).</summary>
    public static IReadOnlyList<string> Causes { get; } = [.. InterviewVariant.Scenarios, InterviewVariant.NoBug];

    /// <summary>The seed of the variant served; keep it from the candidate (with the source, it tells the scenario).</summary>
    internal int Seed { get; }

    public string Candidate { get; }

    /// <summary>Where the record (JSON and HTML) is written at the submission.</summary>
    public string Folder { get; }

    public InterviewClock Clock { get; }

    /// <summary>The server's base address.</summary>
    public Uri Url => _server.Url;

    /// <summary>The server's process id, for <c>Profiler.Attach</c>.</summary>
    public int Pid => _server.Pid;

    /// <summary>The endpoint customers complain about.</summary>
    public Uri TriggerUrl => _server.TriggerUrl;

    /// <summary>The server's code that serves the endpoint, Service.cs.</summary>
    public ExerciseCode Code => _server.Code;

    /// <summary><see cref="Code"/> for async callers: no thread blocks on the server's answer.</summary>
    internal Task<ExerciseCode> CodeAsync(CancellationToken ct) => _server.CodeAsync(ct);

    /// <summary>What the library has seen the candidate measure of this server so far.</summary>
    public IReadOnlyList<InterviewEvidence> Evidence
    {
        get
        {
            lock (_gate)
            {
                return [.. _evidence];
            }
        }
    }

    /// <summary>The score, once submitted.</summary>
    public InterviewScore? Score => _score;

    /// <summary>
    /// Starts an interview server: the variant chosen by <paramref name="seed"/> (random without one), its clock
    /// running, and shows the clock in the notebook.
    /// </summary>
    /// <param name="seed">Chooses the scenario (or a healthy server), the endpoint's path and the parameters; the same seed, the same server.</param>
    /// <param name="minutes">Time allowed; recorded against, never enforced.</param>
    /// <param name="candidate">The candidate's name, for the record.</param>
    /// <param name="runtime">The server's language: "dotnet" (all seven scenarios), "go" (cpu-hotspot, n-plus-one) or "node" (those and memory-leak).</param>
    /// <param name="folder">Where records go (created at the submission).</param>
    /// <param name="ct">Cancels the start.</param>
    public static async Task<Interview> Start(int? seed = null, double minutes = 30, string candidate = "candidate", string runtime = SampleRuntimes.Dotnet, string folder = "interviews", CancellationToken ct = default)
    {
        var language = SampleRuntimes.Check(runtime);

        if (minutes is <= 0 or > 600 or double.NaN)
        {
            throw new BadInputException($"minutes {minutes.ToString(CultureInfo.InvariantCulture)} is out of range; give more than 0 and at most 600 minutes (30 is usual)");
        }

        if (string.IsNullOrWhiteSpace(candidate) || candidate.Length > 80)
        {
            throw new BadInputException("candidate: give the candidate's name (1 to 80 characters), it names the record");
        }

        var chosen = seed ?? Random.Shared.Next(1, 1_000_000);
        var variant = InterviewVariant.For(chosen, language);
        var server = await SampleServer.StartHidden(language, variant.Scenario, variant.Path, variant.TriggerPathAndQuery, variant.DbLatency, variant.Healthy, ct);
        var interview = new Interview(server, variant, chosen, candidate.Trim(), TimeSpan.FromMinutes(minutes), folder);
        NotebookHost.Display(interview.Clock);
        return interview;
    }

    /// <summary>Serves your version of Service.cs (compiled in the running server); what the checker grades at the submission.</summary>
    public async Task<ServedCode> Serve(string code, [System.Runtime.CompilerServices.CallerLineNumber] int line = 0, CancellationToken ct = default)
    {
        RequireOpen();
        var served = await _server.Serve(code, line, ct);
        _fixCode = code;
        FollowPid();
        return served;
    }

    /// <summary>Serves the code the server started with again; nothing of yours is graded until you serve again.</summary>
    public async Task Reset(CancellationToken ct = default)
    {
        RequireOpen();
        await _server.Reset(ct);
        _fixCode = null;
        FollowPid();
    }

    /// <summary>The server's own process, GC, thread-pool, lock and database figures; recorded as "counters" evidence.</summary>
    public async Task<ServerStats> Stats(CancellationToken ct = default)
    {
        var stats = await _server.Stats(ct);
        Add(new InterviewEvidence("counters", DateTimeOffset.UtcNow, 0, stats.Summary));
        return stats;
    }

    /// <summary>The server's Prometheus text (GET /metrics); recorded as "counters" evidence.</summary>
    public async Task<string> Metrics(CancellationToken ct = default)
    {
        var text = await _server.Metrics(ct);
        Add(new InterviewEvidence("counters", DateTimeOffset.UtcNow, 0, "/metrics read"));
        return text;
    }

    /// <summary>
    /// Hands in the diagnosis: stops the clock, runs the exercise checker on the code the server serves now, scores, and
    /// writes the record (JSON and HTML) to <see cref="Folder"/>.
    /// </summary>
    /// <param name="diagnosis">One of <see cref="Causes"/>.</param>
    /// <param name="evidence">The kinds of evidence the diagnosis rests on: "profile", "counters", "load".</param>
    /// <param name="ct">Cancels the check.</param>
    public async Task<InterviewScore> Submit(string diagnosis, IEnumerable<string>? evidence = null, CancellationToken ct = default)
    {
        RequireOpen();
        var cause = (diagnosis ?? "").Trim().ToLowerInvariant();
        if (!Causes.Contains(cause))
        {
            throw new BadInputException($"diagnosis '{diagnosis}' is not a known cause; choose one of: {string.Join(", ", Causes)}");
        }

        var cited = (evidence ?? []).Select(e => e.Trim().ToLowerInvariant()).Distinct().ToList();
        if (cited.FirstOrDefault(k => !InterviewEvidence.Kinds.Contains(k)) is { } unknown)
        {
            throw new BadInputException($"evidence '{unknown}' is not a kind the interview records; cite any of: {string.Join(", ", InterviewEvidence.Kinds)}");
        }

        var submittedAt = DateTimeOffset.UtcNow;
        Clock.Stop();
        EvidenceTrail.Taken -= Witness;
        var gathered = Evidence;
        var (credited, note) = InterviewScore.Judge(cited, gathered, submittedAt);

        // The checker runs here, on this server: a result is never taken from the candidate.
        var verdict = await ExerciseCheck.Run(_server, Seed, ct);
        var score = new InterviewScore
        {
            Candidate = Candidate,
            Seed = Seed,
            Runtime = _server.Runtime,
            StartedAt = Clock.StartedAt,
            SubmittedAt = submittedAt,
            AllowedMinutes = Clock.Allowed.TotalMinutes,
            Diagnosis = cause,
            Answer = _variant.Answer,
            Cited = cited,
            Evidence = gathered,
            EvidenceCredited = credited,
            EvidenceNote = note,
            FixServed = _fixCode is not null,
            FixEquivalent = verdict.Equivalent,
            FixFastEnough = verdict.FastEnough,
            CheckDetail = (verdict.FirstDifference is { } diff ? "differs: " + diff + "; " : "") + verdict.Performance,
            FixCode = _fixCode,
        };
        _score = score;
        Save(score);
        return score;
    }

    /// <summary>The server itself, for tests that inspect its surfaces; never given to the candidate (it knows the scenario).</summary>
    internal SampleServer Server => _server;

    /// <summary>Where <see cref="Submit"/> wrote the record, once it has.</summary>
    public string? RecordPath { get; private set; }

    public override string ToString() =>
        $"interview for {Candidate}: {TriggerUrl} (pid {Pid}), {Clock}" + (_score is null ? "" : $"; scored {_score.Score}/100");

    /// <summary>What the candidate is told: where the server is and what customers hit; never which problem it has.</summary>
    public string ToHtml()
    {
        var html = new ResultHtml("Interview", Candidate);
        html.Facts(
            ("server", Cell.Code(Url.ToString())),
            ("slow endpoint", Cell.Code(TriggerUrl.ToString())),
            ("pid", Cell.Figure(Pid, "0")),
            ("code", Cell.Code(_server.ExerciseFile)),
            ("clock", Clock.ToString()));
        html.Line(Cell.Muted("Customers say this endpoint is slow or failing under load. Find out why (or whether), fix it in the code, and submit your diagnosis with the evidence it rests on."));
        return html.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        EvidenceTrail.Taken -= Witness;
        Clock.Dispose();
        _profileDisguise.Dispose();
        await _server.DisposeAsync();
    }

    private void Save(InterviewScore score)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Concat(Candidate.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
        var stem = Path.Combine(Folder, $"{(name.Length > 0 ? name : "candidate")}-{score.StartedAt:yyyyMMdd-HHmmss}-{Seed}");
        SafeFile.WriteText(stem + ".json", score.ToJson());
        SafeFile.WriteText(stem + ".html", new HtmlReport($"Interview: {Candidate}").AddValue(score).ToHtml());
        RecordPath = stem + ".json";
    }

    // Only measurements of this interview's server count: its process, its port.
    private void Witness(TakenEvidence taken)
    {
        var ours = taken.Kind == "profile" ? taken.Pid == _server.Pid
            : Uri.TryCreate(taken.Url, UriKind.Absolute, out var url) && url.IsLoopback && url.Port == _server.Url.Port;
        if (ours)
        {
            Add(new InterviewEvidence(taken.Kind, taken.At, taken.Seconds, taken.Summary));
        }
    }

    // A Go server serves new code as a new process: its profiles are disguised too.
    private void FollowPid()
    {
        if (_server.Pid != _disguisedPid)
        {
            _profileDisguise.Dispose();
            (_profileDisguise, _disguisedPid) = (FrameDisguises.Register(_server.Pid, InterviewProfileWords.All), _server.Pid);
        }
    }

    private void Add(InterviewEvidence evidence)
    {
        if (_score is not null)
        {
            return;
        }

        lock (_gate)
        {
            _evidence.Add(evidence);
        }
    }

    private void RequireOpen()
    {
        if (_score is not null)
        {
            throw new BadInputException("this interview has been submitted; start another with Interview.Start()");
        }
    }
}
