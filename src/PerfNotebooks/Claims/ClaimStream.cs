namespace PerfNotebooks.Claims;

/// <summary>
/// Analyses resume files in order and hands each claim to a writer as soon as its batch is done: memory stays flat
/// whatever the corpus size. Each batch is analysed on every core (the analyzer keeps its scratch state per
/// thread) while the calling thread writes the batch before it and reads the one after; the output order is the
/// input order.
/// </summary>
internal static class ClaimStream
{
    /// <summary>
    /// Lines per batch: large enough to amortise the hand-off to other cores, small enough that a batch's claims
    /// (about 1.6 KB each while they wait to be written) die young. At 8,192 most collections were gen-1, copying
    /// the waiting claims: 125 ms of GC pauses per 100,000 bullets, against 15 ms at 1,024.
    /// </summary>
    private const int BatchSize = 1024;

    /// <summary>Analyses every file into <paramref name="write"/>; unreadable files are returned, the rest still run.</summary>
    public static IReadOnlyList<FileFailure> Run(IEnumerable<string> paths, Action<Claim> write)
    {
        var failures = new List<FileFailure>();
        var (current, next) = (new Batch(), new Batch());
        foreach (var path in paths)
        {
            IEnumerator<ResumeLine>? reader = null;
            try
            {
                reader = ResumeDocument.Stream(path).GetEnumerator();
                current.Fill(reader);
                var analyzing = current.AnalyzeAsync(path);
                while (true)
                {
                    // Read the next batch and write the last one while this one is analysed.
                    var more = current.IsFull;
                    if (more)
                    {
                        next.Fill(reader);
                    }

                    analyzing.GetAwaiter().GetResult();
                    var nextAnalyzing = more ? next.AnalyzeAsync(path) : null;
                    current.WriteTo(write);
                    if (current.Failed is { } failed)
                    {
                        throw failed; // nothing was read past the bad line
                    }

                    if (nextAnalyzing is null)
                    {
                        break;
                    }

                    (current, next, analyzing) = (next, current, nextAnalyzing);
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

    /// <summary>One batch of lines and, once analysed, their claims; reused for every batch.</summary>
    private sealed class Batch
    {
        private const int Slice = 128;
        private readonly ResumeLine[] _lines = new ResumeLine[BatchSize];
        private readonly Claim?[] _claims = new Claim?[BatchSize];
        private int _count;

        /// <summary>Whether the reader may have more: the batch filled up without an error.</summary>
        public bool IsFull => _count == BatchSize && Failed is null;

        /// <summary>The bad line that ended the file early; the lines before it are still analysed and written.</summary>
        public BadInputException? Failed { get; private set; }

        public void Fill(IEnumerator<ResumeLine> reader)
        {
            (_count, Failed) = (0, null);
            try
            {
                while (_count < BatchSize && reader.MoveNext())
                {
                    _lines[_count++] = reader.Current;
                }
            }
            catch (BadInputException e)
            {
                Failed = e;
            }
        }

        public Task AnalyzeAsync(string source)
        {
            if (Environment.ProcessorCount == 1 || _count <= Slice)
            {
                AnalyzeRange(source, 0, _count);
                return Task.CompletedTask;
            }

            // Slices of lines rather than single lines: per-line scheduling would cost more than a line takes, and
            // slices (not one block per core) let an idle core take over from one the machine's neighbours preempted.
            var count = _count;
            return Task.Run(() => Parallel.For(0, (count + Slice - 1) / Slice, s => AnalyzeRange(source, s * Slice, Math.Min(count, (s + 1) * Slice))));
        }

        public void WriteTo(Action<Claim> write)
        {
            for (var i = 0; i < _count; i++)
            {
                if (_claims[i] is { } claim)
                {
                    write(claim);
                    _claims[i] = null; // let it die before the next batch's collections
                }
            }
        }

        private void AnalyzeRange(string source, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                _claims[i] = AnalyzeLine(source, _lines[i]);
            }
        }
    }

    private static Claim? AnalyzeLine(string source, ResumeLine line)
    {
        var text = BulletText.StripMarker(line.Text);
        return text.Length > 0 ? ClaimAnalyzer.Analyze(source, line.Line, text) : null;
    }
}
