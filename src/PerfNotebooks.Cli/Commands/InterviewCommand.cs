using System.CommandLine;
using System.Globalization;
using PerfNotebooks.Load;
using PerfNotebooks.Profiling;
using PerfNotebooks.Workbooks.Interviews;

namespace PerfNotebooks.Cli.Commands;

/// <summary>
/// `perfnb interview`: a sample server with an undisclosed problem (or none), a clock, and a small prompt through which
/// the candidate measures, serves a fix and submits; the measurements are taken here so the score can credit them.
/// </summary>
internal static class InterviewCommand
{
    private const string Commands = """
        commands (one a line):
          load [SECONDS]             load the slow endpoint (10 connections, default 5 s) and print latency
          profile [SECONDS]          profile the server while loading it (default 5 s): hot path, hotspot, findings
          stats                      the server's own counters (heap, thread pool, locks, database)
          metrics                    the server's /metrics text
          serve [FILE]               compile and serve your version of the code (default: the file written at start)
          reset                      serve the original code again
          submit CAUSE [EVIDENCE...] hand in: CAUSE one of {0}; EVIDENCE any of profile, counters, load
          time                       the clock
          help, quit
        """;

    public static Command Create()
    {
        var seed = new Option<int?>("--seed")
        {
            Description = "Chooses the server (scenario or none, endpoint, data sizes); the same seed, the same server. Default: random.",
            CustomParser = r =>
            {
                if (int.TryParse(r.Tokens.Single().Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                r.AddError($"--seed '{r.Tokens.Single().Value}' is not a whole number; give one, e.g. --seed 4711, or leave it out for a random server");
                return null;
            },
        };
        var minutes = new Option<double>("--minutes") { Description = "Time allowed; recorded against, never enforced.", DefaultValueFactory = _ => 30 };
        var candidate = new Option<string>("--candidate") { Description = "The candidate's name, for the record.", DefaultValueFactory = _ => "candidate" };
        var runtime = new Option<string>("--runtime") { Description = "The server's language: dotnet (all seven scenarios), go (cpu-hotspot, n-plus-one) or node (those and memory-leak).", DefaultValueFactory = _ => "dotnet" };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder for the code to edit and the record (JSON and HTML).", DefaultValueFactory = _ => new DirectoryInfo("interviews") };
        var command = new Command("interview", "A live-debugging interview: a server with an undisclosed performance problem (or none), a clock, and a score a hiring manager can keep.")
        {
            seed, minutes, candidate, runtime, outDir,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var folder = parse.GetRequiredValue(outDir);
            await using var interview = await Interview.Start(
                parse.GetValue(seed), parse.GetValue(minutes), parse.GetRequiredValue(candidate), parse.GetRequiredValue(runtime), folder.FullName, ct);
            var codePath = await WriteCode(interview, folder, ct);
            output.WriteLine($"Interview for {interview.Candidate}: the server is {interview.Url} (pid {interview.Pid}).");
            output.WriteLine($"Customers say GET {interview.TriggerUrl.PathAndQuery} is slow or failing under load. Find out why (or whether), fix it, and submit.");
            output.WriteLine($"The code is {codePath}: edit it, then 'serve'. Other tools work too (curl, wrk, perfnb profile --pid {interview.Pid}), but only what is measured here is credited as evidence.");
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, Commands, string.Join(", ", Interview.Causes)));
            using var title = TerminalTitleClock.Start(interview.Clock);
            var input = Console.In;
            while (!ct.IsCancellationRequested)
            {
                output.Write($"[{interview.Clock}] > ");
                await output.FlushAsync(ct);
                if (await input.ReadLineAsync(ct) is not { } line)
                {
                    output.WriteLine();
                    output.WriteLine("no more input: the interview ends without a submission.");
                    return PerfnbApp.WorkFailed;
                }

                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (words.Length == 0)
                {
                    continue;
                }

                try
                {
                    if (await Step(interview, words, codePath, output, ct) is { } done)
                    {
                        return done;
                    }
                }
                catch (BadInputException e)
                {
                    // A mistake at the prompt (a compile error, an unknown cause) is reported and the interview goes on.
                    output.WriteLine(e.Message);
                }
            }

            return PerfnbApp.WorkFailed;
        });
        return command;
    }

    /// <summary>Runs one prompt line; an exit code when the interview is over.</summary>
    private static async Task<int?> Step(Interview interview, string[] words, string codePath, TextWriter output, CancellationToken ct)
    {
        var verb = words[0].ToLowerInvariant();
        switch (verb)
        {
            case "load":
                output.WriteLine(await LoadTheEndpoint(interview, Seconds(words, 5), ct));
                return null;
            case "profile":
                var seconds = Seconds(words, 5);
                var sampling = Profiler.Attach(interview.Pid).Sample(TimeSpan.FromSeconds(seconds), ct);
                await LoadTheEndpoint(interview, seconds, ct);
                output.WriteLine((await sampling).ToTable());
                return null;
            case "stats":
                output.WriteLine(await interview.Stats(ct));
                return null;
            case "metrics":
                output.WriteLine(await interview.Metrics(ct));
                return null;
            case "serve":
                var file = words.Length > 1 ? string.Join(' ', words[1..]) : codePath;
                if (!File.Exists(file))
                {
                    throw new BadInputException($"serve: '{file}' does not exist; give the file you edited, or no file for {codePath}");
                }

                output.WriteLine(await interview.Serve(await File.ReadAllTextAsync(file, ct), 0, ct));
                return null;
            case "reset":
                await interview.Reset(ct);
                output.WriteLine("the original code is served again.");
                return null;
            case "submit" when words.Length < 2:
                throw new BadInputException($"submit: name the cause, one of {string.Join(", ", Interview.Causes)}, then the evidence it rests on");
            case "submit":
                var score = await interview.Submit(words[1], words[2..], ct);
                output.WriteLine(score);
                output.WriteLine($"record: {interview.RecordPath} (and its .html beside it)");
                return PerfnbApp.Ok;
            case "time":
                output.WriteLine(interview.Clock);
                return null;
            case "help":
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, Commands, string.Join(", ", Interview.Causes)));
                return null;
            case "quit" or "exit":
                output.WriteLine("the interview ends without a submission.");
                return PerfnbApp.WorkFailed;
            default:
                throw new BadInputException($"'{verb}' is not a command here; type help");
        }
    }

    private static async Task<LoadResult> LoadTheEndpoint(Interview interview, double seconds, CancellationToken ct) =>
        await Load.Load.Run(interview.TriggerUrl.ToString(), new LoadOptions { Connections = 10, Duration = TimeSpan.FromSeconds(seconds) }, cancellationToken: ct);

    private static double Seconds(string[] words, double fallback)
    {
        if (words.Length < 2)
        {
            return fallback;
        }

        return double.TryParse(words[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= 60
            ? s
            : throw new BadInputException($"{words[0]}: '{words[1]}' is not a number of seconds from 1 to 60");
    }

    /// <summary>The code the candidate edits, next to where the record goes.</summary>
    private static async Task<string> WriteCode(Interview interview, DirectoryInfo folder, CancellationToken ct)
    {
        folder.Create();
        var code = await interview.CodeAsync(ct);
        var path = Path.Combine(folder.FullName, code.FileName);
        SafeFile.WriteText(path, code.Source);
        return path;
    }
}
