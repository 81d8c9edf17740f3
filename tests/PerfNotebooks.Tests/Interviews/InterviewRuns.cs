using System.Collections.Concurrent;
using PerfNotebooks.Profiling;
using PerfNotebooks.Servers;
using PerfNotebooks.Tests.Fixtures;
using PerfNotebooks.Workbooks.Interviews;

namespace PerfNotebooks.Tests.Interviews;

/// <summary>What one live interview left: its surfaces as read before anything was submitted (and a profile after), and its score.</summary>
public sealed record InterviewRun(IReadOnlyDictionary<string, string> Surfaces, InterviewScore Score, IReadOnlyList<string> ServedLog, ExerciseCode Code);

/// <summary>
/// Live interviews shared by the tests, each run once on first use: one server per variant (every gradable scenario
/// and the healthy server) worked by a scripted candidate, plus the wrong, forged and false-positive candidates.
/// Runs one at a time: a 2-core machine shared with builds.
/// </summary>
public sealed class InterviewRuns : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<InterviewRun>>> _runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public string Folder { get; } = Directory.CreateTempSubdirectory("perfnb-interview-records-").FullName;

    /// <summary>The first seed whose variant on <paramref name="runtime"/> has this answer (a scenario or "none").</summary>
    public static int SeedFor(string answer, string runtime = SampleRuntimes.Dotnet) =>
        Enumerable.Range(1, 1000).First(s => InterviewVariant.For(s, runtime).Answer == answer);

    /// <summary>The reference candidate: profiles the server, serves the instructor's fix (in the file's neutral namespace) unless nothing is wrong, names the cause.</summary>
    public Task<InterviewRun> Reference(string answer, string runtime = SampleRuntimes.Dotnet) => Run(ReferenceName(answer, runtime), SeedFor(answer, runtime), runtime, async interview =>
    {
        await Profiler.Attach(interview.Pid).Sample(TimeSpan.FromSeconds(2));
        if (answer != "none")
        {
            await interview.Serve(ReferenceFixAsShown(answer, runtime));
        }

        return await interview.Submit(answer, ["profile"]);
    });

    /// <summary>Does the reference candidate's work but names another cause.</summary>
    public Task<InterviewRun> WrongDiagnosis() => Run("wrong diagnosis", SeedFor("cpu-hotspot"), async interview =>
    {
        await Profiler.Attach(interview.Pid).Sample(TimeSpan.FromSeconds(2));
        await interview.Serve(ReferenceFixAsShown("cpu-hotspot"));
        return await interview.Submit("lock-contention", ["profile"]);
    });

    /// <summary>Names the right cause, claims a profile and counters it never took, and serves no fix.</summary>
    public Task<InterviewRun> Forged() => Run("forged", SeedFor("cpu-hotspot"), interview => interview.Submit("cpu-hotspot", ["profile", "counters"]));

    /// <summary>On a healthy server, profiles and reports a bug that is not there.</summary>
    public Task<InterviewRun> FalsePositive() => Run("false positive", SeedFor("none"), async interview =>
    {
        await interview.Stats();
        return await interview.Submit("n-plus-one", ["counters"]);
    });

    /// <summary>The reference candidate's name on the record: its seed, since a name is shown and must not give the answer away.</summary>
    public static string ReferenceName(string answer, string runtime = SampleRuntimes.Dotnet) =>
        runtime == SampleRuntimes.Dotnet ? "reference " + SeedFor(answer) : $"reference {runtime} {SeedFor(answer, runtime)}";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task<InterviewRun> Run(string name, int seed, Func<Interview, Task<InterviewScore>> candidate) => Run(name, seed, SampleRuntimes.Dotnet, candidate);

    private Task<InterviewRun> Run(string name, int seed, string runtime, Func<Interview, Task<InterviewScore>> candidate) =>
        _runs.GetOrAdd(name, _ => new Lazy<Task<InterviewRun>>(async () =>
        {
            await _oneAtATime.WaitAsync();
            try
            {
                await using var interview = await Interview.Start(seed, minutes: 30, candidate: name, runtime: runtime, folder: Folder);
                var surfaces = await InterviewSurfaces.Read(interview.Server, interview);
                var score = await candidate(interview);
                surfaces[InterviewSurfaces.Profile] = await InterviewSurfaces.Profiled(interview.Server);
                return new InterviewRun(surfaces, score, interview.Server.RecentOutput, interview.Code);
            }
            finally
            {
                _oneAtATime.Release();
            }
        })).Value;

    // Go and Node files have no namespace: the fix is sent as the instructor wrote it.
    private static string ReferenceFixAsShown(string scenario, string runtime = SampleRuntimes.Dotnet)
    {
        var extension = runtime switch { SampleRuntimes.Go => ".go", SampleRuntimes.Node => ".js", _ => ".cs" };
        var fix = File.ReadAllText(Path.Combine(RepoPaths.Root, "instructor", "fixes", scenario + extension));
        if (runtime != SampleRuntimes.Dotnet)
        {
            return fix;
        }

        var real = fix.Split('\n').Single(l => l.StartsWith("namespace ", StringComparison.Ordinal)).Trim();
        return fix.Replace(real, "namespace PerfNotebooks.SampleServers.Service;", StringComparison.Ordinal);
    }
}
