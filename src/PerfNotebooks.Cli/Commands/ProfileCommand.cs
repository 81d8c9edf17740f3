using System.CommandLine;
using PerfNotebooks.Profiling;

namespace PerfNotebooks.Cli.Commands;

/// <summary>
/// `perfnb profile --pid P | --pprof URL | --import FILE [--backend B] [--duration 5s] [--format table|json]
/// [--export pprof|speedscope|folded [--output F]] [--speedscope F] [--folded F] [--nettrace F] [--heap-diff]`:
/// sample a running process (.NET, Node, Go or native) or read a profile file, and print hotspot, methods, findings.
/// </summary>
internal static class ProfileCommand
{
    internal static Command Create()
    {
        var pid = new Option<int?>("--pid", "-p") { Description = "Id of the running process to sample (.NET, Node, Go or native)." };
        var pprof = new Option<string?>("--pprof") { Description = "A Go program's net/http/pprof endpoint, e.g. http://127.0.0.1:6060/debug/pprof/profile." };
        var import = new Option<FileInfo?>("--import") { Description = "Read a profile file instead: pprof, V8 .cpuprofile, 'perf script' output or folded stacks." };
        var backend = new Option<string>("--backend", "-b") { Description = "auto (the runtime's cheapest), eventpipe, perf, inspector or pprof.", DefaultValueFactory = _ => "auto" };
        backend.AcceptOnlyFromAmong("auto", "eventpipe", "perf", "inspector", "pprof");
        var export = new Option<string?>("--export") { Description = "Also write the profile as pprof (go tool pprof opens it), speedscope or folded, to --output." };
        export.AcceptOnlyFromAmong("pprof", "speedscope", "folded");
        var exportTo = new Option<FileInfo?>("--output", "-o") { Description = "File for --export." };
        var duration = new Option<string>("--duration", "-d") { Description = "How long to sample, e.g. 5s, 500ms, 1m.", DefaultValueFactory = _ => "5s" };
        var format = new Option<string>("--format", "-f") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var speedscope = new Option<FileInfo?>("--speedscope") { Description = "Also write a speedscope JSON file here." };
        var folded = new Option<FileInfo?>("--folded") { Description = "Also write folded stacks (flamegraph.pl input) here." };
        var nettrace = new Option<FileInfo?>("--nettrace") { Description = "Also keep the raw EventPipe trace (.nettrace) here." };
        var heap = new Option<bool>("--heap-diff") { Description = "Snapshot the heap before and after the session and show what grew (induces two full GCs)." };
        var command = new Command("profile", "Sample a running process (EventPipe for .NET, the inspector for Node, pprof or perf for Go, perf for native code) or read a profile file: hot path, hotspot, counters, findings.")
        {
            pid, pprof, import, backend, duration, format, export, exportTo, speedscope, folded, nettrace, heap,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var span = ParseDuration(p.GetValue(duration)!);
            Profile profile;
            if (p.GetValue(import) is { } file)
            {
                if (p.GetValue(pid) is not null || p.GetValue(pprof) is not null)
                {
                    throw new BadInputException("--import reads a file; leave out --pid and --pprof, or drop --import to sample a process.");
                }

                profile = Profiler.Import(file.FullName);
            }
            else
            {
                var profiler = p.GetValue(pid) is { } id ? Profiler.Attach(id)
                    : p.GetValue(pprof) is not null ? Profiler.Pprof(p.GetValue(pprof)!)
                    : throw new BadInputException("nothing to profile; pass --pid P, --pprof URL or --import FILE.");
                if (p.GetValue(pprof) is { } url && p.GetValue(pid) is not null)
                {
                    profiler.WithPprof(url);
                }

                profiler.WithBackend(Enum.Parse<ProfilerBackend>(p.GetValue(backend)!, ignoreCase: true));
                if (p.GetValue(heap))
                {
                    profiler.WithHeapDiff();
                }

                profile = await profiler.Sample(span, ct);
            }

            if (p.GetValue(export) is { } exportFormat)
            {
                var to = p.GetValue(exportTo) ?? throw new BadInputException($"--export {exportFormat} needs --output FILE to write to.");
                SafeFile.Write(to.FullName, stream => Export(profile, exportFormat, stream));
            }

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

    private static void Export(Profile profile, string format, Stream stream)
    {
        switch (format)
        {
            case "pprof":
                PerfNotebooks.Profiling.Formats.PprofFormat.Write(profile, stream);
                break;
            case "speedscope":
                SpeedscopeExport.Write(profile, stream);
                break;
            default:
                var bytes = System.Text.Encoding.UTF8.GetBytes(FoldedStacks.Format(profile.Cpu));
                stream.Write(bytes);
                break;
        }
    }

    internal static TimeSpan ParseDuration(string text)
    {
        var span = LoadCommand.ParseDuration("--duration", text);
        return span > TimeSpan.Zero ? span : throw new BadInputException($"--duration '{text}' is not positive; give e.g. 5s.");
    }
}
