namespace PerfNotebooks.Claims;

/// <summary>
/// Analyses resume files in order and hands each claim to a writer as soon as its batch is done: memory stays flat
/// whatever the corpus size. Each batch is analysed on every core (the analyzer keeps its scratch state per
/// thread); the output order is the input order.
/// </summary>
internal static class ClaimStream
{
    /// <summary>Lines per batch: large enough to amortise the hand-off to other cores, small enough to stay in cache.</summary>
    private const int BatchSize = 8192;

    /// <summary>Analyses every file into <paramref name="write"/>; unreadable files are returned, the rest still run.</summary>
    public static IReadOnlyList<FileFailure> Run(IEnumerable<string> paths, Action<Claim> write)
    {
        var failures = new List<FileFailure>();
        var lines = new ResumeLine[BatchSize];
        var claims = new Claim?[BatchSize];
        foreach (var path in paths)
        {
            IEnumerator<ResumeLine>? reader = null;
            try
            {
                reader = ResumeDocument.Stream(path).GetEnumerator();
                while (true)
                {
                    var n = 0;
                    BadInputException? failed = null;
                    try
                    {
                        while (n < BatchSize && reader.MoveNext())
                        {
                            lines[n++] = reader.Current;
                        }
                    }
                    catch (BadInputException e)
                    {
                        failed = e; // the lines before the bad one are still analysed and written
                    }

                    Analyze(path, lines, claims, n);
                    for (var i = 0; i < n; i++)
                    {
                        if (claims[i] is { } claim)
                        {
                            write(claim);
                        }
                    }

                    if (failed is not null)
                    {
                        throw failed;
                    }

                    if (n < BatchSize)
                    {
                        break;
                    }
                }
            }
            catch (BadInputException e)
            {
                failures.Add(new FileFailure(path, e.Message));
            }
            finally
            {
                reader?.Dispose();
            }
        }

        return failures;
    }

    /// <summary>Analyses lines already in memory (a notebook's text or a PDF), in order.</summary>
    public static List<Claim> Analyze(string source, IEnumerable<ResumeLine> lines)
    {
        var result = new List<Claim>();
        foreach (var line in lines)
        {
            if (AnalyzeLine(source, line) is { } claim)
            {
                result.Add(claim);
            }
        }

        return result;
    }

    private static void Analyze(string source, ResumeLine[] lines, Claim?[] claims, int n)
    {
        const int Slice = 128;
        if (Environment.ProcessorCount == 1 || n <= Slice)
        {
            for (var i = 0; i < n; i++)
            {
                claims[i] = AnalyzeLine(source, lines[i]);
            }

            return;
        }

        // Slices of lines rather than single lines: per-line scheduling would cost more than a line takes, and
        // slices (not one block per core) let an idle core take over from one the machine's neighbours preempted.
        Parallel.For(0, (n + Slice - 1) / Slice, s =>
        {
            var end = Math.Min(n, (s + 1) * Slice);
            for (var i = s * Slice; i < end; i++)
            {
                claims[i] = AnalyzeLine(source, lines[i]);
            }
        });
    }

    private static Claim? AnalyzeLine(string source, ResumeLine line)
    {
        var text = BulletText.StripMarker(line.Text);
        return text.Length > 0 ? ClaimAnalyzer.Analyze(source, line.Line, text) : null;
    }
}
