using PerfNotebooks.Servers;
using PerfNotebooks.Workbooks.Interviews;

namespace PerfNotebooks.Tests.Interviews;

/// <summary>
/// Interview mode end to end on live servers: every gradable scenario and the healthy server, started in interview
/// mode, reveal the scenario on no surface; the reference candidate scores full marks on each; a wrong diagnosis, a
/// forged submission and a false positive do not.
/// </summary>
[Trait("Category", "Live")]
public class InterviewTests(InterviewRuns runs) : IClassFixture<InterviewRuns>
{
    public static TheoryData<string> Answers => [.. Interview.Causes];

    /// <summary>Every answer an interview on the Go and Node servers can have: their scenarios and none.</summary>
    public static TheoryData<string, string> GoAndNodeAnswers => new()
    {
        { "go", "cpu-hotspot" }, { "go", "n-plus-one" }, { "go", "none" },
        { "node", "cpu-hotspot" }, { "node", "n-plus-one" }, { "node", "memory-leak" }, { "node", "none" },
    };

    private static readonly string[] AllSurfaces =
        ["process name", "command line", "environment given by the launcher", "/health", "/debug/stats", "/admin/mode", "/admin/exercise",
         "slow endpoint's response headers", "/metrics", "ready line and server logs", "exercise file name", "code display", "interview display", "clock display", "candidate's profile"];

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task No_surface_reveals_the_scenario(string answer)
    {
        var run = await runs.Reference(answer);

        Assert.Empty(InterviewSurfaces.Leaks(run.Surfaces));
        Assert.Equal(AllSurfaces, run.Surfaces.Keys); // every surface was read
    }

    [Theory]
    [MemberData(nameof(GoAndNodeAnswers))]
    public async Task No_surface_of_a_go_or_node_interview_server_reveals_the_scenario(string runtime, string answer)
    {
        var run = await runs.Reference(answer, runtime);

        Assert.Empty(InterviewSurfaces.Leaks(run.Surfaces));
        Assert.Equal(AllSurfaces, run.Surfaces.Keys);
        Assert.Contains("runtime=" + runtime, run.Surfaces["ready line and server logs"], StringComparison.Ordinal); // it is that server
    }

    [Theory]
    [MemberData(nameof(GoAndNodeAnswers))]
    public async Task The_reference_candidate_scores_full_marks_on_go_and_node(string runtime, string answer)
    {
        var score = (await runs.Reference(answer, runtime)).Score;

        Assert.True(score.FullMarks, score.ToString());
        Assert.Equal((answer, runtime), (score.Answer, score.Runtime));
        Assert.Contains(score.Evidence, e => e.Kind == "profile" && e.At <= score.SubmittedAt);
    }

    [Theory]
    [InlineData("go", "service.go", "func countPrimes")]
    [InlineData("node", "service.js", "function countPrimes")]
    public async Task A_go_or_node_interview_shows_its_code_as_a_service_file_without_comments(string runtime, string file, string code)
    {
        var run = await runs.Reference("cpu-hotspot", runtime);

        Assert.Equal(file, run.Surfaces["exercise file name"]);
        Assert.Equal(file, run.Code.FileName);
        Assert.Contains(code, run.Code.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("//", run.Code.Source, StringComparison.Ordinal);
    }

    /// <summary>The check is not vacuous: on an ordinary server of each runtime it finds the scenario, its file, and what its profile names.</summary>
    [Theory]
    [InlineData("dotnet", "PrimeCount.cs", "/admin/exercise: CpuHotspot", "candidate's profile: CpuHotspot")] // its namespace, its frames
    [InlineData("go", "primes.go", "ready line and server logs: primes.go", "candidate's profile: CPUHotspot")] // main.serveCPUHotspot
    [InlineData("node", "cpu-hotspot.js", "/admin/exercise: cpu-hotspot", "candidate's profile: cpu-hotspot.js")]
    public async Task The_surface_check_finds_the_scenario_on_an_ordinary_server(string runtime, string file, string found, string profiled)
    {
        await using var server = await SampleServer.Start("cpu-hotspot", runtime: runtime);

        var surfaces = await InterviewSurfaces.Read(server);
        surfaces[InterviewSurfaces.Profile] = await InterviewSurfaces.Profiled(server);
        var leaks = InterviewSurfaces.Leaks(surfaces);

        Assert.Contains("command line: cpu-hotspot", leaks);
        Assert.Contains("/health: cpu-hotspot", leaks);
        Assert.Contains("/debug/stats: cpu-hotspot", leaks);
        Assert.Contains("exercise file name: " + file, leaks);
        Assert.Contains("ready line and server logs: cpu-hotspot", leaks);
        Assert.Contains("/metrics: /cpu-intense", leaks);
        Assert.Contains(found, leaks);
        Assert.Contains(profiled, leaks);
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task The_reference_candidate_scores_full_marks(string answer)
    {
        var score = (await runs.Reference(answer)).Score;

        Assert.True(score.FullMarks, score.ToString());
        Assert.Equal(answer, score.Answer);
        Assert.Contains(score.Evidence, e => e.Kind == "profile" && e.At <= score.SubmittedAt);
    }

    [Fact]
    public async Task The_shown_exercise_file_is_service_cs_without_comments_and_compiles_back()
    {
        var run = await runs.Reference("n-plus-one");

        var exercise = run.Surfaces["/admin/exercise"];
        Assert.Contains("\"file\":\"Service.cs\"", exercise, StringComparison.Ordinal);
        Assert.Contains("namespace PerfNotebooks.SampleServers.Service;", exercise, StringComparison.Ordinal);
        Assert.DoesNotContain("//", exercise, StringComparison.Ordinal);
        Assert.True(run.Score.FixServed && run.Score.FixPassed, run.Score.CheckDetail); // served in that namespace
    }

    [Fact]
    public async Task A_wrong_diagnosis_loses_its_points_even_with_a_good_fix()
    {
        var score = (await runs.WrongDiagnosis()).Score;

        Assert.False(score.DiagnosisCorrect);
        Assert.True(score.FixPassed, score.CheckDetail);
        Assert.Equal(60, score.Score);
    }

    [Fact]
    public async Task Forged_evidence_and_an_unfixed_server_score_only_the_diagnosis()
    {
        var score = (await runs.Forged()).Score;

        Assert.True(score.DiagnosisCorrect);
        Assert.False(score.EvidenceCredited, score.EvidenceNote);
        Assert.False(score.FixPassed, score.CheckDetail); // the interview's own check of the code still served
        Assert.Equal(40, score.Score);
    }

    [Fact]
    public async Task A_false_positive_on_a_healthy_server_is_not_full_marks()
    {
        var score = (await runs.FalsePositive()).Score;

        Assert.Equal("none", score.Answer);
        Assert.False(score.DiagnosisCorrect);
        Assert.True(score.EvidenceCredited, score.EvidenceNote);
        Assert.False(score.FullMarks);
    }

    [Fact]
    public async Task Each_submission_leaves_a_json_record_and_an_html_summary_that_load_together()
    {
        await runs.Reference("none");
        await runs.Forged();

        var records = InterviewRecords.Read(runs.Folder);

        Assert.Contains(records, r => r.Candidate == InterviewRuns.ReferenceName("none") && r.Score == 100);
        Assert.Contains(records, r => r.Candidate == "forged" && r.Score == 40);
        Assert.Equal(Directory.GetFiles(runs.Folder, "*.json").Length, Directory.GetFiles(runs.Folder, "*.html").Length);
        Assert.Equal(records.Count, InterviewRecords.Load(runs.Folder).Rows.Count);
    }
}
