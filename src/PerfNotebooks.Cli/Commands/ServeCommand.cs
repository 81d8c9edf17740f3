using System.CommandLine;
using System.Globalization;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Cli.Commands;

/// <summary>`perfnb serve SCENARIO`: runs a sample server with a performance bug (or its fix) until Ctrl+C / SIGTERM.</summary>
internal static class ServeCommand
{
    internal static Command Create()
    {
        var scenario = new Argument<string>("scenario")
        {
            Description = "The bug to serve: " + string.Join(", ", SampleScenarios.All),
        };
        var isFixed = new Option<bool>("--fixed") { Description = "Serve the instructor's reference fix (instructor/fixes/) instead of the bug" };
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 0 };
        var db = new Option<string>("--db")
        {
            Description = "sqlite (a seeded temp file) or postgres://user:password@host:port/database",
            DefaultValueFactory = _ => "sqlite",
        };
        var latency = new Option<string>("--db-latency")
        {
            Description = "Delay added to every database round trip, like a network hop, e.g. 1ms",
            DefaultValueFactory = _ => "0ms",
        };

        var runtime = new Option<string>("--runtime")
        {
            Description = "The server's language: dotnet (ASP.NET, every scenario), go (cpu-hotspot, n-plus-one) "
                + "or node (cpu-hotspot, n-plus-one, memory-leak), each with an exercise file; Go and Node servers are built on first use",
            DefaultValueFactory = _ => SampleRuntimes.Dotnet,
        };

        var command = new Command("serve", "Run a sample server (ASP.NET, Go or Node) with a real performance bug (or its fix) on 127.0.0.1")
        {
            scenario, isFixed, port, db, latency, runtime,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var name = parse.GetValue(scenario)!;
            var language = SampleRuntimes.Check(parse.GetValue(runtime), name);
            var delay = LatencyText.Parse("--db-latency", parse.GetValue(latency)!);
            await using var server = await SampleServer.Start(
                name, parse.GetValue(isFixed), parse.GetValue(db), delay, parse.GetValue(port), runtime: language, ct: ct);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{server.Url} pid {server.Pid} ({server.Scenario}, {(server.IsFixed ? "fixed" : "buggy")}, {server.Database}, {server.Runtime}; try {server.TriggerUrl.PathAndQuery}; Ctrl+C stops)"));
            await output.FlushAsync(CancellationToken.None);
            try
            {
                await server.WaitForExit(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM: the await using above stops the server cleanly.
                return PerfnbApp.Ok;
            }

            throw new WorkFailedException($"the sample server exited on its own: {server.RecentOutput.LastOrDefault() ?? "no output"}");
        });
        return command;
    }
}
