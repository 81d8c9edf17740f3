using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Kernel.Workbooks;

namespace PerfNotebooks.Tests.Workbooks;

/// <summary>Grading several learners' notebooks in one process.</summary>
public class WorkbookGraderTests
{
    [Fact]
    public async Task Each_learner_starts_with_no_checkpoints_from_the_learner_before()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-grader-").FullName;
        try
        {
            // Other tests add checkpoints in this process too: look for the first learner's own, by a unique name.
            var firstCheckpoint = $"first learner {Guid.NewGuid():N}";
            var first = Save(folder, "ada.ipynb", $"Check.That(\"{firstCheckpoint}\", true, \"passed\");");
            var second = Save(folder, "bob.ipynb", $"Check.That(\"nothing carried over\", !Check.All.Any(c => c.Checkpoint == \"{firstCheckpoint}\"), \"the first learner's checkpoint is still there\");");
            var instructor = new NotebookDocument();

            var grades = await WorkbookGrader.GradeAsync(instructor, [first, second], new RunOptions(), CancellationToken.None);

            var bob = grades.Single(g => g.Learner == "bob");
            Assert.True(bob.Checkpoints["nothing carried over"]);
            Assert.DoesNotContain(firstCheckpoint, bob.Checkpoints.Keys);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Save(string folder, string name, string code)
    {
        var path = Path.Combine(folder, name);
        new NotebookDocument { Cells = [new NotebookCell { Kind = CellKind.Code, Source = code }] }.Save(path);
        return path;
    }
}
