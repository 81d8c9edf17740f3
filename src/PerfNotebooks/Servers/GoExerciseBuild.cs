using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfNotebooks.Servers;

/// <summary>
/// Builds the Go sample server with one exercise file replaced by a learner's (or the reference) version:
/// `go build -overlay` over the checked-out sources, offline, reusing the build cache, so only package main is
/// compiled again. One binary per distinct source, under .artifacts/go-exercise/.
/// </summary>
internal static partial class GoExerciseBuild
{
    /// <summary>The binary serving <paramref name="source"/> in place of <paramref name="exerciseFile"/>, and how long building took.</summary>
    /// <exception cref="GoCompileFailure">The compiler's errors in the learner's file.</exception>
    public static async Task<(string Binary, TimeSpan BuildTime)> Build(string exerciseFile, string source, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var original = await GoServerBuild.Ensure(ct); // the original sources build, and the cache holds the libraries
        var root = RepoCheckout.Root!;
        var sources = Path.Combine(root, "servers", "go");
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(original + "\n" + exerciseFile + "\n" + source)))[..16].ToLowerInvariant();
        var folder = Path.Combine(root, ".artifacts", "go-exercise", key);
        var binary = Path.Combine(folder, GoServerBuild.BinaryName);
        if (File.Exists(binary))
        {
            return (binary, clock.Elapsed);
        }

        var work = Path.Combine(root, ".artifacts", "go-exercise", key + ".tmp-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            // The learner's file under its own name, so the compiler's messages name it.
            var learnerFile = Path.Combine(work, exerciseFile);
            await File.WriteAllTextAsync(learnerFile, source, ct);
            var overlay = Path.Combine(work, "overlay.json");
            var replace = new Dictionary<string, Dictionary<string, string>> { ["Replace"] = new() { [Path.Combine(sources, exerciseFile)] = learnerFile } };
            await File.WriteAllTextAsync(overlay, System.Text.Json.JsonSerializer.Serialize(replace), ct);
            var (exit, log) = await ToolchainRun.Run(
                "go", ["build", "-trimpath", "-overlay", overlay, "-o", Path.Combine(work, GoServerBuild.BinaryName), "."],
                sources, GoServerBuild.Environment(root), GoServerBuild.Hint, ct);
            if (exit != 0)
            {
                var errors = CompilerErrors(exerciseFile, log);
                throw errors.Count > 0
                    ? new GoCompileFailure(errors)
                    : new WorkFailedException($"go build with your {exerciseFile} failed (exit {exit}): {ToolchainRun.Tail(log)}");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            try
            {
                Directory.Move(work, folder);
            }
            catch (IOException) when (File.Exists(binary))
            {
                // Built by someone else meanwhile: the same source, the same binary.
            }

            return (binary, clock.Elapsed);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>"primes.go:4:1: syntax error: ..." lines of the compiler's output: the learner's file's errors.</summary>
    internal static List<(int Line, int Column, string Message)> CompilerErrors(string exerciseFile, string output)
    {
        var errors = new List<(int, int, string)>();
        foreach (var line in output.Split('\n'))
        {
            var match = ErrorLine().Match(line.Trim());
            if (match.Success && match.Groups["file"].Value == exerciseFile)
            {
                errors.Add((int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1,
                    match.Groups["message"].Value));
            }
        }

        return errors;
    }

    [GeneratedRegex(@"(?:^|/)(?<file>[\w.-]+\.go):(?<line>\d+)(?::(?<column>\d+))?: (?<message>.+)$")]
    private static partial Regex ErrorLine();
}

/// <summary>The learner's Go file did not compile: the compiler's errors, by line of that file.</summary>
internal sealed class GoCompileFailure(IReadOnlyList<(int Line, int Column, string Message)> errors) : Exception("the Go exercise file does not compile")
{
    public IReadOnlyList<(int Line, int Column, string Message)> Errors { get; } = errors;
}
