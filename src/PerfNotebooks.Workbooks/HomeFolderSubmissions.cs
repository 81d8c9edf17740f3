namespace PerfNotebooks.Workbooks;

/// <summary>What was collected from a hub's home folders, and which learners had nothing to collect.</summary>
public sealed record Collected(IReadOnlyList<string> Notebooks, IReadOnlyList<string> Missing);

/// <summary>
/// The learners' notebooks on a JupyterHub with local accounts (TLJH, LocalProcessSpawner): HOMES/USER/PATH,
/// e.g. /home/*/workbooks/00-start-here.ipynb. Each is read, never written, and copied into the instructor's
/// class folder as CLASS/USER/NAME.ipynb, so grading runs on the instructor's copy in the instructor's folder:
/// nothing a learner's notebook does while it is graded touches that learner's home.
/// </summary>
public static class HomeFolderSubmissions
{
    /// <param name="homes">The folder holding one home per learner (default on Debian: /home).</param>
    /// <param name="notebookPath">The notebook's path inside each home, e.g. workbooks/00-start-here.ipynb.</param>
    /// <param name="classFolder">Where the copies go, one sub-folder per learner.</param>
    public static Collected Collect(string homes, string notebookPath, string classFolder)
    {
        if (!Directory.Exists(homes))
        {
            throw new BadInputException($"home folders '{homes}' do not exist; pass --from-homes with the folder holding the learners' homes (e.g. /home).");
        }

        if (Path.IsPathRooted(notebookPath) || notebookPath.Split('/').Contains(".."))
        {
            throw new BadInputException($"--notebook-path '{notebookPath}' must be relative to each home, e.g. workbooks/00-start-here.ipynb.");
        }

        var copied = new List<string>();
        var missing = new List<string>();
        foreach (var home in Directory.EnumerateDirectories(homes).Order(StringComparer.Ordinal))
        {
            var learner = Path.GetFileName(home);
            var source = Path.Combine(home, notebookPath);
            if (!File.Exists(source))
            {
                missing.Add(learner);
                continue;
            }

            var target = Path.Combine(classFolder, learner, Path.GetFileName(notebookPath));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                using var read = File.OpenRead(source);
                SafeFile.Write(target, read.CopyTo);
            }
            catch (UnauthorizedAccessException)
            {
                throw new BadInputException($"cannot read {source}; collect as a user who can read every learner's home (root on the hub).");
            }

            copied.Add(target);
        }

        if (copied.Count == 0)
        {
            throw new BadInputException($"no learner under '{homes}' has {notebookPath}; check --notebook-path.");
        }

        return new Collected(copied, missing);
    }
}
