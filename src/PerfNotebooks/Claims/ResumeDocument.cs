using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace PerfNotebooks.Claims;

/// <summary>
/// Reads a resume file into lines: .txt/.md (strict UTF-8, streamed), .pdf (PdfPig, reading order) and .docx (OpenXml).
/// Every problem with the file is a <see cref="BadInputException"/> naming the file and the fix.
/// </summary>
internal static class ResumeDocument
{
    /// <summary>How much of a text file is checked for binary content before its lines are read.</summary>
    private const int SniffBytes = 8192;

    public static IReadOnlyList<ResumeLine> Read(string path) => [.. Stream(path)];

    /// <summary>
    /// The file's non-empty lines, read as they are enumerated: a text file of any size streams through in flat
    /// memory. PDF and .docx are read whole (their formats need it). Problems surface as <see cref="BadInputException"/>
    /// from the enumeration; a text file that turns out not to be UTF-8 part-way fails at that line.
    /// </summary>
    public static IEnumerable<ResumeLine> Stream(string path)
    {
        if (Directory.Exists(path))
        {
            throw new BadInputException($"{path} is a folder; pass the resume files in it, or use ClaimTable.FromFolder.");
        }

        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: no such file; check the path.");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".pdf" => PdfText.Read(path),
            ".docx" => DocxText.Read(path),
            ".doc" or ".rtf" or ".odt" or ".pages" => throw new BadInputException(
                $"{path}: {extension} is not supported; save it as .docx, .pdf, .txt or .md."),
            _ => TextLines(path, Open(path)),
        };
    }

    public static IReadOnlyList<ResumeLine> Lines(string text)
    {
        var lines = new List<ResumeLine>();
        var number = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            number++;
            if (!raw.IsWhiteSpace())
            {
                lines.Add(new ResumeLine(number, raw.ToString()));
            }
        }

        return lines;
    }

    /// <summary>Opens a text resume after checking its first bytes: not a PDF/Office file, not binary; a UTF-8 BOM skipped.</summary>
    private static StreamReader Open(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{path}: cannot be read ({e.Message}); check its permissions.", e);
        }

        try
        {
            var head = new byte[SniffBytes];
            var length = file.ReadAtLeast(head, SniffBytes, throwOnEndOfStream: false);
            var sample = head.AsSpan(0, length);
            if (sample.StartsWith("%PDF"u8) || sample.StartsWith("PK\u0003\u0004"u8))
            {
                throw new BadInputException($"{path} is a PDF or Office file with the wrong extension; rename it to .pdf or .docx.");
            }

            if (sample.IndexOf((byte)0) >= 0)
            {
                throw new BadInputException($"{path} looks binary (it contains NUL bytes); pass a .txt, .md, .pdf or .docx resume.");
            }

            file.Position = sample.StartsWith("\uFEFF"u8) ? 3 : 0;
            return new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 1 << 16);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static IEnumerable<ResumeLine> TextLines(string path, StreamReader reader)
    {
        var number = 0;
        var invalid = false;
        using (reader)
        {
            while (!invalid && NextLine(path, reader, number) is var (line, bad))
            {
                invalid = bad;
                if (line is null)
                {
                    break;
                }

                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return new ResumeLine(number, line);
                }
            }
        }

        if (!invalid)
        {
            yield break;
        }

        // The reader decodes 64 KB at a time and throws for the whole block, so the lines between the last one it
        // returned and the bad byte are read again, up to that byte: none is lost, and the message names its line.
        var returned = number;
        var badByte = FirstBadByte(path);
        var complete = 0;
        foreach (var line in CompleteLinesBefore(path, badByte))
        {
            complete++;
            if (complete > returned && !string.IsNullOrWhiteSpace(line))
            {
                yield return new ResumeLine(complete, line);
            }
        }

        throw new BadInputException($"{path} is not valid UTF-8 (bad byte at offset {badByte}, in line {complete + 1}); re-save it as UTF-8.");
    }

    /// <summary>The next line (null at the end), or that the reader met an invalid byte.</summary>
    private static (string? Line, bool Invalid) NextLine(string path, StreamReader reader, int number)
    {
        try
        {
            return (reader.ReadLine(), false);
        }
        catch (DecoderFallbackException)
        {
            return (null, true);
        }
        catch (IOException e)
        {
            throw new BadInputException($"{path}: reading failed at line {number + 1} ({e.Message}).", e);
        }
    }

    /// <summary>The lines that end before byte <paramref name="end"/> (a BOM skipped), split as StreamReader.ReadLine splits them.</summary>
    private static IEnumerable<string> CompleteLinesBefore(string path, long end)
    {
        using var file = File.OpenRead(path);
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: false).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        var line = new StringBuilder();
        var (afterCr, first) = (false, true);
        for (var left = end; left > 0;)
        {
            var read = file.Read(bytes, 0, (int)Math.Min(bytes.Length, left));
            if (read == 0)
            {
                break;
            }

            left -= read;
            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            for (var i = 0; i < count; i++)
            {
                var c = chars[i];
                if ((first && c == '\uFEFF') || (afterCr && c == '\n'))
                {
                    (first, afterCr) = (false, false);
                    continue;
                }

                (first, afterCr) = (false, c == '\r');
                if (c is '\r' or '\n')
                {
                    yield return line.ToString();
                    line.Clear();
                }
                else
                {
                    line.Append(c);
                }
            }
        }

        // What is left in `line` is the start of the line holding the bad byte: not a whole line.
    }

    /// <summary>Where the first invalid UTF-8 byte is (the reader decodes in blocks and cannot say); -1 if none.</summary>
    private static long FirstBadByte(string path)
    {
        const int Block = 1 << 16;
        using var file = File.OpenRead(path);
        var bytes = new byte[Block + 4];
        var chars = new char[Block + 8];
        long consumed = 0;
        var carry = 0;
        while (true)
        {
            var read = file.Read(bytes, carry, Block);
            var total = carry + read;
            var status = Utf8.ToUtf16(bytes.AsSpan(0, total), chars, out var used, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            if (status == OperationStatus.InvalidData)
            {
                return consumed + used;
            }

            if (read == 0)
            {
                return -1;
            }

            consumed += used;
            carry = total - used;
            bytes.AsSpan(used, carry).CopyTo(bytes);
        }
    }
}
