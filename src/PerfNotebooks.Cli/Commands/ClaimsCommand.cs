using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PerfNotebooks.Claims;

namespace PerfNotebooks.Cli.Commands;

/// <summary>`perfnb claims analyze|accuracy|corpus|bench`: find, check and score performance claims in resumes.</summary>
internal static class ClaimsCommand
{
    internal static Command Create()
    {
        var claims = new Command("claims", "Find, check and score performance claims in resumes (.txt, .md, .pdf, .docx).");
        claims.Add(Analyze());
        claims.Add(Accuracy());
        claims.Add(Corpus());
        claims.Add(Bench());
        claims.Add(Explain());
        return claims;
    }

    private static Command Analyze()
    {
        var files = new Argument<string[]>("files") { Description = "Resume files: .txt, .md, .pdf or .docx.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong([.. ClaimWriter.Formats]);
        var allFields = new Option<bool>("--all-fields") { Description = "JSON: write every field of every bullet, nulls and defaults included." };
        var command = new Command("analyze", "Analyze resumes: one row per bullet, written as it is read (any corpus size). Unreadable files are reported and skipped (exit 1).") { files, format, allFields };
        command.SetAction((ParseResult p, CancellationToken ct) =>
        {
            var output = p.InvocationConfiguration.Output;
            var error = p.InvocationConfiguration.Error;

            // Straight to stdout's stream when it is the console: Console.Out flushes on every write.
            var console = ReferenceEquals(output, Console.Out);
            using var stream = console ? Console.OpenStandardOutput() : new TextWriterStream(output);
            IReadOnlyList<FileFailure> failures;
            using (var writer = ClaimWriter.For(p.GetValue(format)!, stream, p.GetValue(allFields)))
            {
                failures = ClaimStream.Run(p.GetValue(files) ?? [], writer.Write);
                writer.Finish();
            }

            foreach (var failure in failures)
            {
                error.WriteLine($"perfnb: {failure.Message}");
            }

            return Task.FromResult(failures.Count > 0 ? PerfnbApp.WorkFailed : PerfnbApp.Ok);
        });
        return command;
    }

    private static Command Accuracy()
    {
        var labels = new Option<string>("--labels") { Description = "Labelled bullets (JSON lines).", DefaultValueFactory = _ => DefaultLabels() };
        var command = new Command("accuracy", "Score the analyzer against the labelled bullets: F1, accuracy, precision and recall.") { labels };
        command.SetAction((ParseResult p, CancellationToken ct) =>
        {
            var report = ClaimAccuracy.Measure(p.GetValue(labels)!);
            p.InvocationConfiguration.Output.Write(report.ToString());
            return Task.FromResult(PerfnbApp.Ok);
        });
        return command;
    }

    private static Command Corpus()
    {
        var bullets = new Option<int>("--bullets", "-n") { Description = "How many bullets to generate.", DefaultValueFactory = _ => 100_000 };
        var output = new Option<string>("--out", "-o") { Description = "File to write.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same corpus).", DefaultValueFactory = _ => 42 };
        var command = new Command("corpus", "Write a large synthetic resume corpus (one bullet per line) for throughput runs.") { bullets, output, seed };
        command.SetAction((ParseResult p, CancellationToken ct) =>
        {
            var n = p.GetValue(bullets);
            if (n <= 0)
            {
                throw new BadInputException($"--bullets {n}: give a positive number of bullets.");
            }

            var path = p.GetValue(output)!;
            SyntheticResumes.Write(path, n, p.GetValue(seed));
            p.InvocationConfiguration.Output.WriteLine($"wrote {n.ToString("N0", CultureInfo.InvariantCulture)} bullets to {path}");
            return Task.FromResult(PerfnbApp.Ok);
        });
        return command;
    }

    private static Command Bench()
    {
        var file = new Argument<string>("file") { Description = "Corpus file, one bullet per line (see `perfnb claims corpus`)." };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes over the corpus (best is reported).", DefaultValueFactory = _ => 5 };
        var command = new Command("bench", "Bullets per second: the analyzer on one thread and on every core vs the seed's three regexes.") { file, rounds };
        command.SetAction((ParseResult p, CancellationToken ct) =>
        {
            var path = p.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new BadInputException($"{path}: no such file; write one with `perfnb claims corpus --out {path}`.");
            }

            var lines = File.ReadAllLines(path);
            var text = string.Join('\n', lines);
            var n = Math.Max(1, p.GetValue(rounds));
            var output = p.InvocationConfiguration.Output;
            output.WriteLine($"corpus: {path}, {lines.Length.ToString("N0", CultureInfo.InvariantCulture)} bullets, {text.Length.ToString("N0", CultureInfo.InvariantCulture)} chars; best of {n} rounds, one thread");

            var quantified = 0;
            var analyzer = Best(n, () =>
            {
                quantified = 0;
                foreach (var line in lines)
                {
                    quantified += ClaimAnalyzer.Analyze(path, 0, BulletText.StripMarker(line)).Quantified ? 1 : 0;
                }
            });
            // The same work spread over every core in slices, as `claims analyze` runs it.
            var parallelQuantified = 0;
            var parallel = Best(n, () =>
            {
                var counts = new int[(lines.Length + 127) / 128];
                Parallel.For(0, counts.Length, s =>
                {
                    for (var i = s * 128; i < Math.Min(lines.Length, (s + 1) * 128); i++)
                    {
                        counts[s] += ClaimAnalyzer.Analyze(path, 0, BulletText.StripMarker(lines[i])).Quantified ? 1 : 0;
                    }
                });
                parallelQuantified = counts.Sum();
            });
            var matches = 0;
            var seed = Best(n, () => matches = SeedRegexes.CountMatches(text));
            output.WriteLine($"analyzer (full analysis): {Rate(lines.Length, analyzer)} bullets/s ({analyzer.TotalMilliseconds:0} ms), quantified {quantified:N0}");
            output.WriteLine($"analyzer on {Environment.ProcessorCount} cores:     {Rate(lines.Length, parallel)} bullets/s ({parallel.TotalMilliseconds:0} ms), quantified {parallelQuantified:N0}");
            output.WriteLine($"seed 3 regexes (.NET):    {Rate(lines.Length, seed)} bullets/s ({seed.TotalMilliseconds:0} ms), matches {matches:N0}");
            return Task.FromResult(PerfnbApp.Ok);
        });
        return command;
    }

    private static Command Explain()
    {
        var text = new Argument<string>("bullet") { Description = "One resume bullet." };
        var command = new Command("explain", "Show how one bullet was read: phrases, numbers and their roles.") { text };
        command.SetAction((ParseResult p, CancellationToken ct) =>
        {
            p.InvocationConfiguration.Output.Write(ClaimExplanation.Explain(p.GetValue(text)!));
            return Task.FromResult(PerfnbApp.Ok);
        });
        return command;
    }

    private static TimeSpan Best(int rounds, Action work)
    {
        work(); // warm-up: JIT and tiering
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            work();
            sw.Stop();
            best = sw.Elapsed < best ? sw.Elapsed : best;
        }

        return best;
    }

    private static string Rate(int bullets, TimeSpan elapsed) =>
        (bullets / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);

    private static string DefaultLabels()
    {
        return RepoCheckout.PathTo("datasets", "claims", "labelled-bullets.jsonl");
    }

    /// <summary>Bytes written by a claims writer, decoded into the TextWriter a caller gave (tests, an embedding host).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly System.Text.Decoder decoder = new System.Text.UTF8Encoding(false).GetDecoder();
        private char[] chars = new char[4096];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var count = decoder.GetCharCount(buffer, flush: false);
            if (count > chars.Length)
            {
                chars = new char[count];
            }

            var written = decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, written);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
