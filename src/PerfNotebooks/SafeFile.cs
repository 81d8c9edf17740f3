using System.Runtime.InteropServices;

namespace PerfNotebooks;

/// <summary>
/// The one way the project writes result files: through a temp file beside the target, flushed to disk, and a
/// rename, so a failure or a crash never leaves half a file, and readers see the old file or the new one.
/// </summary>
internal static class SafeFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            throw new BadInputException($"cannot write {path}: the folder {dir} does not exist; create it or pick another path.");
        }

        // Unique per write, not per process: two writers in one process (two cells, two threads) never share a temp file.
        var temp = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            // fsync through a fresh handle: writers may close the stream they were given (a StreamWriter's
            // using), and fsync flushes the file whichever descriptor asks.
            using (var flush = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite))
            {
                flush.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            // The rename lives in the directory: flush it too, or a crash can bring back the old file (or none).
            FlushDirectory(dir);
        }
        catch (UnauthorizedAccessException e)
        {
            File.Delete(temp);
            throw new BadInputException($"cannot write '{path}' ({e.Message}); choose a writable path.", e);
        }
        catch (IOException e)
        {
            // Disk full, I/O error: the path was fine, the work failed.
            File.Delete(temp);
            throw new WorkFailedException($"could not write '{path}': {e.Message}", e);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static void WriteText(string path, string text) => Write(path, s =>
    {
        using var writer = new StreamWriter(s, new System.Text.UTF8Encoding(false));
        writer.Write(text);
    });

    /// <summary>fsync on the directory (POSIX); Windows has no directory handle to flush and orders renames itself.</summary>
    internal static void FlushDirectory(string dir)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fd = Posix.Open(dir, Posix.ReadOnly | Posix.Directory);
        if (fd < 0)
        {
            throw new IOException($"cannot open folder {dir} to flush it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Posix.Fsync(fd) != 0)
            {
                throw new IOException($"cannot flush folder {dir} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Posix.Close(fd);
        }
    }

    private static class Posix
    {
        public const int ReadOnly = 0;
        public static readonly int Directory = OperatingSystem.IsLinux() ? 0x10000 : 0; // O_DIRECTORY on Linux x64/arm64

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static extern int Fsync(int fd);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int fd);
    }
}
