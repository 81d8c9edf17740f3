namespace PerfNotebooks.Servers;

/// <summary>
/// The instructor's reference fixes, one exercise file per scenario under instructor/fixes/: what <see cref="SampleServer.Fix"/>
/// serves and what the checker compares a learner's version with. Not in the server, the notebooks or released copies.
/// </summary>
internal static class ReferenceFix
{
    public static string PathFor(string scenario)
    {
        var path = RepoCheckout.PathTo("instructor", "fixes", scenario + ".cs");
        return File.Exists(path)
            ? path
            : throw new BadInputException($"no reference fix for '{scenario}' at {path}; the instructor's material (instructor/fixes/) is needed for Fix() and the checker");
    }
}
