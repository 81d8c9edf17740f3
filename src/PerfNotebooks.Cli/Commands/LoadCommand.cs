using System.CommandLine;
using PerfNotebooks.Load;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Cli.Commands;

/// <summary>`perfnb load URL`: closed- or open-loop HTTP load with honest latency (see Load.Run).</summary>
internal static class LoadCommand
{
    internal static Command Create()
    {
        var url = new Argument<string>("url") { Description = "URL to load, e.g. http://127.0.0.1:5000/ (https goes through HttpClient's TLS; a self-signed certificate is accepted on loopback only)" };
        var connections = new Option<int>("--connections", "-c") { Description = "Connections kept open (closed loop: requests in flight)", DefaultValueFactory = _ => 10 };
        var rate = new Option<double?>("--rate", "-r") { Description = "Open loop: requests per second on a fixed schedule; latency counts from the scheduled time" };
        var duration = new Option<string>("--duration", "-d") { Description = "Measured time, e.g. 10s, 500ms, 1m", DefaultValueFactory = _ => "10s" };
        var warmup = new Option<string>("--warmup", "-w") { Description = "Load before measuring, excluded from results", DefaultValueFactory = _ => "0s" };
        var method = new Option<string>("--method", "-m") { Description = "HTTP method", DefaultValueFactory = _ => "GET" };
        var header = new Option<string[]>("--header", "-H") { Description = "Request header 'Name: value' (repeatable)", AllowMultipleArgumentsPerToken = false };
        var body = new Option<string?>("--body") { Description = "Request body (UTF-8)" };
        var timeout = new Option<string>("--timeout") { Description = "A request with no reply after this long is a timeout error", DefaultValueFactory = _ => "5s" };
        var format = new Option<string>("--format", "-f") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Also write the JSON result to this file" };
        var against = new Option<string?>("--against") { Description = "Compare: a second URL (the 'after'); both are loaded --runs times, alternating, and a before/after verdict is printed" };
        var runs = new Option<int>("--runs") { Description = "Compare: runs per side", DefaultValueFactory = _ => 5 };
        var engine = new Option<string>("--engine") { Description = "auto, async (pre-built bytes over async sockets), threads (blocking sockets, a thread per connection), epoll (an event loop per core over raw sockets, closed loop) or httpclient (SocketsHttpHandler), to compare their cost", DefaultValueFactory = _ => "auto", Hidden = true };
        engine.AcceptOnlyFromAmong("auto", "async", "threads", "epoll", "httpclient");

        var command = new Command("load", "Load an HTTP server (closed loop like wrk, or open loop with --rate) and report latency percentiles, errors by kind and a per-second series.")
        {
            url, connections, rate, duration, warmup, method, header, body, timeout, format, output, against, runs, engine,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var options = new LoadOptions
            {
                Connections = p.GetValue(connections),
                Rate = p.GetValue(rate),
                Duration = ParseDuration("--duration", p.GetValue(duration)!),
                Warmup = ParseDuration("--warmup", p.GetValue(warmup)!),
                Method = p.GetValue(method)!,
                Headers = p.GetValue(header) ?? [],
                Body = p.GetValue(body),
                Timeout = ParseDuration("--timeout", p.GetValue(timeout)!),
                Engine = Enum.Parse<LoadEngine>(p.GetValue(engine)!, ignoreCase: true),
            };

            var stdout = p.InvocationConfiguration.Output;
            var stderr = p.InvocationConfiguration.Error;
            var live = ProgressLine.ForTerminal(stderr);
            if (p.GetValue(against) is { } after)
            {
                LoadComparison comparison;
                try
                {
                    comparison = await LoadRunner.Compare(p.GetValue(url)!, after, p.GetValue(runs), options, live, ct);
                }
                finally
                {
                    live?.Finish();
                }

                var text = comparison.ToJson();
                if (p.GetValue(output) is { } comparePath)
                {
                    WriteAtomically(comparePath, text);
                }

                stdout.WriteLine(p.GetValue(format) == "json" ? text : comparison.ToString());
                // A verdict built on runs that stopped early covers less than was asked: the work did not finish.
                var cut = comparison.Before.Concat(comparison.After).FirstOrDefault(r => r.StoppedEarly is not null || r.Successes == 0);
                return cut is null ? 0 : throw new WorkFailedException(cut.StoppedEarly ?? cut.NoSuccessReason);
            }

            LoadResult result;
            try
            {
                result = await LoadRunner.Run(p.GetValue(url)!, options, live, ct);
            }
            finally
            {
                live?.Finish();
            }

            var json = result.ToJson();
            if (p.GetValue(output) is { } path)
            {
                WriteAtomically(path, json);
            }

            stdout.WriteLine(p.GetValue(format) == "json" ? json : result.ToString());
            if (result.Successes == 0)
            {
                throw new WorkFailedException(result.NoSuccessReason);
            }

            return result.StoppedEarly is { } why ? throw new WorkFailedException(why) : 0;
        });
        return command;
    }

    /// <summary>
    /// Socket continuations on the epoll thread, no hop to the thread pool per reply: the async engine becomes an event
    /// loop per core like wrk's, and the default even for a few connections (LoadSession.UsesThreads; 32 connections
    /// on /health: 1.15x wrk -t1's req/s, 1.1x its CPU per request, docs/benchmarks.md). Set by Program for a
    /// `perfnb load` process only, before any socket exists (the runtime reads it once): never from the command's
    /// action, where a host running perfnb in-process (the tests) would keep it and pass it to every child, and a
    /// child doing sync-over-async I/O on an epoll thread deadlocks.
    /// </summary>
    internal static void UseInlineSocketCompletions(string[] args)
    {
        if (args.Length > 0 && args[0] == "load" && Environment.GetEnvironmentVariable(InlineCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletions, "1");
        }
    }

    private const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    internal static TimeSpan ParseDuration(string option, string text) =>
        DurationText.TryParse(text) ?? throw new BadInputException($"{option} '{text}' is not a duration; write {DurationText.Syntax}.");

    internal static void WriteAtomically(string path, string text) => SafeFile.WriteText(path, text);
}

/// <summary>The live "rate, p99 so far" line, redrawn in place on stderr, only when stderr is a terminal.</summary>
internal sealed class ProgressLine(TextWriter writer) : IProgress<LoadProgress>
{
    private int width;

    public static ProgressLine? ForTerminal(TextWriter stderr) =>
        !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error) ? new ProgressLine(stderr) : null;

    public void Report(LoadProgress value)
    {
        var text = value.ToString();
        lock (writer)
        {
            writer.Write("\r" + text.PadRight(width));
            width = text.Length;
        }
    }

    public void Finish()
    {
        lock (writer)
        {
            if (width > 0)
            {
                writer.Write("\r" + new string(' ', width) + "\r");
            }
        }
    }
}
