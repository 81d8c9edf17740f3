namespace PerfNotebooks.Servers;

/// <summary>
/// The instructor's reference fixes, one exercise file per scenario and language under instructor/fixes/ (SCENARIO.cs, .js, .go): what <see cref="SampleServer.Fix"/>
/// serves and what the checker compares a learner's version with. Not in the server, the notebooks or released copies.
/// </summary>
internal static class ReferenceFix
{
    /// <param name="scenario">The scenario.</param>
    /// <param name="exerciseFile">The server's exercise file: its extension picks the language (.cs, .js, .go).</param>
    public static string PathFor(string scenario, string exerciseFile = ".cs")
    {
        var path = RepoCheckout.PathTo("instructor", "fixes", scenario + Path.GetExtension(exerciseFile));
        return File.Exists(path)
            ? path
            : throw new BadInputException($"no reference fix for '{scenario}' at {path}; the instructor's material (instructor/fixes/) is needed for Fix() and the checker");
    }
}
