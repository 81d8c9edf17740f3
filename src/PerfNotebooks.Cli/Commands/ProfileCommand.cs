using System.CommandLine;
using PerfNotebooks.Profiling;

namespace PerfNotebooks.Cli.Commands;

/// <summary>`perfnb profile --pid P [--duration 5s] [--format table|json] [--speedscope F] [--folded F] [--nettrace F] [--heap-diff]`: sample a running .NET process and print hotspot, methods, counters and findings.</summary>
internal static class ProfileCommand
{
    internal static Command Create()
    {
        var pid = new Option<int>("--pid", "-p") { Description = "Id of the running .NET process to sample.", Required = true };
        var duration = new Option<string>("--duration", "-d") { Description = "How long to sample, e.g. 5s, 500ms, 1m.", DefaultValueFactory = _ => "5s" };
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var speedscope = new Option<FileInfo?>("--speedscope") { Description = "Also write a speedscope JSON file here." };
        var folded = new Option<FileInfo?>("--folded") { Description = "Also write folded stacks (flamegraph.pl input) here." };
        var nettrace = new Option<FileInfo?>("--nettrace") { Description = "Also keep the raw EventPipe trace (.nettrace) here." };
        var heap = new Option<bool>("--heap-diff") { Description = "Snapshot the heap before and after the session and show what grew (induces two full GCs)." };
        var command = new Command("profile", "Sample a running .NET process (EventPipe): CPU vs waiting, hot path, hotspot, counters, heap growth, findings.")
        {
            pid, duration, format, speedscope, folded, nettrace, heap,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var span = ParseDuration(p.GetValue(duration)!);
            var profiler = Profiler.Attach(p.GetValue(pid));
            if (p.GetValue(heap))
            {
                profiler.WithHeapDiff();
            }

            var profile = await profiler.Sample(span, ct);
            if (p.GetValue(speedscope) is { } s)
            {
                profile.SaveSpeedscope(s.FullName);
            }

            if (p.GetValue(folded) is { } f)
            {
                profile.SaveFolded(f.FullName);
            }

            if (p.GetValue(nettrace) is { } n)
            {
                profile.SaveNettrace(n.FullName);
            }

            var output = p.InvocationConfiguration.Output;
            output.Write(p.GetValue(format) == "json" ? profile.ToJson() + "\n" : profile.ToTable());
            // A partial profile is printed (it is what there is) but the session did not do what was asked.
            return profile.PartialReason is { } partial ? throw new WorkFailedException(partial) : 0;
        });
        return command;
    }

    internal static TimeSpan ParseDuration(string text)
    {
        var span = LoadCommand.ParseDuration("--duration", text);
        return span > TimeSpan.Zero ? span : throw new BadInputException($"--duration '{text}' is not positive; give e.g. 5s.");
    }
}
