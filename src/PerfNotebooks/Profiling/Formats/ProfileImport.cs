using System.Text;

namespace PerfNotebooks.Profiling.Formats;

/// <summary>Opens a profile file of any format we read, telling the format from its content rather than its name.</summary>
internal static class ProfileImport
{
    public static (StackRecording Recording, string Format, ProfiledRuntime Runtime) Read(string path, ProfiledRuntime? runtime)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"profile file {path} does not exist; pass a pprof (.pb.gz), V8 .cpuprofile, 'perf script' output or folded stacks file.");
        }

        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        if (PprofFormat.Looks(bytes) || IsBinary(bytes))
        {
            var pprof = PprofFormat.Read(bytes, name);
            return (pprof, "pprof", runtime ?? Guess(pprof));
        }

        var text = Encoding.UTF8.GetString(bytes);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            if (trimmed.Contains("speedscope", StringComparison.Ordinal) && trimmed.Contains("\"shared\"", StringComparison.Ordinal))
            {
                throw new BadInputException($"{name} is a speedscope file, which we write but do not read; import the pprof, .cpuprofile, perf script or folded file it was made from.");
            }

            return (CpuProfileFormat.Parse(text, name), "cpuprofile", runtime ?? ProfiledRuntime.Node);
        }

        if (trimmed.Length == 0)
        {
            throw new BadInputException($"{name} is empty; pass a pprof, V8 .cpuprofile, 'perf script' output or folded stacks file.");
        }

        if (PerfScriptFormat.Looks(text))
        {
            using var reader = new StringReader(text);
            var perf = PerfScriptFormat.Parse(reader, name);
            return (perf, "perf-script", runtime ?? Guess(perf));
        }

        if (FoldedFormat.Looks(text))
        {
            var folded = FoldedFormat.Parse(text, name);
            return (folded, "folded", runtime ?? Guess(folded));
        }

        throw new BadInputException($"{name} is not a profile we can read; pass a pprof (.pb.gz), V8 .cpuprofile, 'perf script' output or folded stacks file.");
    }

    // Text formats have no control bytes but tabs and line ends; an uncompressed profile.proto has plenty.
    private static bool IsBinary(byte[] bytes) => bytes.Take(256).Any(b => b < 0x09 || b is > 0x0d and < 0x20);

    /// <summary>Which runtime wrote the frames, so the hotspot skips the right plumbing: Go's runtime, Node's internals, the BCL.</summary>
    public static ProfiledRuntime Guess(StackRecording recording)
    {
        var frames = recording.Samples.SelectMany(s => s.Frames).Distinct(StringComparer.Ordinal).Take(5000).ToList();
        if (frames.Any(f => f.StartsWith("runtime.", StringComparison.Ordinal)) && frames.Any(f => f.StartsWith("main.", StringComparison.Ordinal) || f.Contains('/', StringComparison.Ordinal)))
        {
            return ProfiledRuntime.Go;
        }

        if (frames.Any(f => f.Contains("(node:", StringComparison.Ordinal) || f.Contains(".js:", StringComparison.Ordinal)))
        {
            return ProfiledRuntime.Node;
        }

        return frames.Any(f => f.StartsWith("System.", StringComparison.Ordinal) || f.StartsWith("Microsoft.", StringComparison.Ordinal))
            ? ProfiledRuntime.DotNet
            : ProfiledRuntime.Native;
    }
}
