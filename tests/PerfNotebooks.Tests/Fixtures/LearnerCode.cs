namespace PerfNotebooks.Tests.Fixtures;

/// <summary>Learners' versions of the exercise files, in Fixtures/Exercises (the sample server compiles them, not the tests).</summary>
public static class LearnerCode
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "PerfNotebooks.Tests", "Fixtures", "Exercises", name));
}
