using System.Security.Cryptography;
using System.Text;

namespace PerfNotebooks.Servers;

/// <summary>
/// A folder under .artifacts/ holding one build of a server, named by a hash of its inputs, made once: concurrent
/// callers (parallel tests, two notebooks) wait on a lock file and reuse what the first one built.
/// </summary>
internal static class BuildCache
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>A short hash of the files' names and contents plus any extra text (a toolchain version).</summary>
    public static string Key(IEnumerable<string> files, string root, string extra)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(extra));
        foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>
    /// Returns <paramref name="folder"/>, first making it with <paramref name="build"/> (into a temp sibling that is
    /// renamed into place, so a half-made build is never used) unless it is already there.
    /// </summary>
    public static async Task<string> GetOrBuild(string folder, string what, Func<string, CancellationToken, Task> build, CancellationToken ct)
    {
        if (Directory.Exists(folder))
        {
            return folder;
        }

        await InProcess.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            await using var fileLock = await TakeLock(folder + ".lock", what, ct);
            if (Directory.Exists(folder))
            {
                return folder;
            }

            var temp = $"{folder}.{Environment.ProcessId}.tmp";
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            Directory.CreateDirectory(temp);
            var progress = BuildProgress.Start(what);
            try
            {
                await build(temp, ct);
                Directory.Move(temp, folder);
                progress.Done(true);
            }
            catch
            {
                progress.Done(false);
                if (Directory.Exists(temp))
                {
                    Directory.Delete(temp, recursive: true);
                }

                throw;
            }

            return folder;
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static async Task<FileStream> TakeLock(string path, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process is building it; wait for it to finish.
                await Task.Delay(250, ct);
            }
            catch (IOException e)
            {
                throw new WorkFailedException($"waited 10 minutes for another process building {what} (lock {path}): {e.Message}", e);
            }
        }
    }
}
