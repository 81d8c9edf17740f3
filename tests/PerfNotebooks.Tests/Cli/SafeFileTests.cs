namespace PerfNotebooks.Tests.Cli;

/// <summary>Result files are written whole or not at all, by any number of writers at once.</summary>
[Trait("Category", "Deterministic")]
public class SafeFileTests
{
    [Fact]
    public async Task Writers_in_one_process_never_share_a_temp_file()
    {
        // Before, the temp name was path.PID.tmp: two writers truncated each other's file or lost it to the other's rename.
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfnb-safefile-").FullName, "result.json");
        var contents = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 2_000_000)).ToList();

        await Task.WhenAll(contents.Select(text => Task.Run(() => SafeFile.WriteText(path, text))));

        Assert.Contains(File.ReadAllText(path), contents);
        Assert.Equal(["result.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void An_io_error_while_writing_is_failed_work_not_bad_usage_and_leaves_nothing_behind()
    {
        // Disk full and I/O errors are the machine's fault, not the user's: exit 1, not 2.
        var folder = Directory.CreateTempSubdirectory("perfnb-safefile-").FullName;
        var path = Path.Combine(folder, "result.json");

        var error = Assert.Throws<WorkFailedException>(() => SafeFile.Write(path, _ => throw new IOException("No space left on device")));

        Assert.Contains("No space left on device", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public void A_writer_that_closes_its_stream_still_gets_its_file()
    {
        // StreamWriter's using closes the stream SafeFile handed over; the flush to disk must not depend on it.
        var path = Path.Combine(Directory.CreateTempSubdirectory("perfnb-safefile-").FullName, "closed.txt");

        SafeFile.Write(path, s =>
        {
            using var writer = new StreamWriter(s);
            writer.Write("whole");
        });

        Assert.Equal("whole", File.ReadAllText(path));
    }

    [Fact]
    public void Flushing_a_folder_that_does_not_exist_fails()
    {
        // The directory fsync is real: it opens the folder, so a missing one is an error, not a silent no-op.
        var missing = Path.Combine(Path.GetTempPath(), "perfnb-no-such-" + Guid.NewGuid().ToString("N"));

        Assert.Throws<IOException>(() => SafeFile.FlushDirectory(missing));
    }
}
