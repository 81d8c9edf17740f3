using PerfNotebooks.Workbooks.Interviews;

namespace PerfNotebooks.Tests.Interviews;

/// <summary>How a submission scores: evidence only from the record and only before the diagnosis; points add up; records load.</summary>
public class InterviewScoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Diagnosed = Start.AddMinutes(20);

    [Fact]
    public void A_cited_profile_taken_before_the_diagnosis_is_credited()
    {
        var (credited, _) = InterviewScore.Judge(["profile"], [Taken("profile", 5)], Diagnosed);

        Assert.True(credited);
    }

    [Fact]
    public void Citing_nothing_earns_no_evidence_points()
    {
        Assert.False(InterviewScore.Judge([], [Taken("profile", 5)], Diagnosed).Credited);
    }

    [Fact]
    public void A_cited_profile_that_was_never_taken_is_not_credited()
    {
        var (credited, note) = InterviewScore.Judge(["profile"], [Taken("load", 5)], Diagnosed);

        Assert.False(credited);
        Assert.Contains("never took it", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_taken_after_the_diagnosis_is_not_credited()
    {
        Assert.False(InterviewScore.Judge(["profile"], [Taken("profile", 25)], Diagnosed).Credited);
    }

    [Fact]
    public void A_load_run_alone_shows_a_symptom_and_is_not_credited()
    {
        Assert.False(InterviewScore.Judge(["load"], [Taken("load", 5)], Diagnosed).Credited);
        Assert.True(InterviewScore.Judge(["load", "counters"], [Taken("load", 5), Taken("counters", 6)], Diagnosed).Credited);
    }

    [Fact]
    public void Full_marks_need_the_right_diagnosis_credited_evidence_and_a_passing_fix()
    {
        Assert.Equal(100, Record("n-plus-one", "n-plus-one", true, true, true).Score);
        Assert.True(Record("n-plus-one", "n-plus-one", true, true, true).FullMarks);
        Assert.Equal(60, Record("cpu-hotspot", "n-plus-one", true, true, true).Score);
        Assert.Equal(80, Record("n-plus-one", "n-plus-one", false, true, true).Score);
        Assert.Equal(60, Record("n-plus-one", "n-plus-one", true, true, false).Score);
        Assert.Equal(0, Record("none", "n-plus-one", false, false, false).Score);
    }

    [Fact]
    public void Records_round_trip_through_json_and_load_into_one_row_per_candidate()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-interviews-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "ada.json"), Record("n-plus-one", "n-plus-one", true, true, true, "Ada").ToJson());
            File.WriteAllText(Path.Combine(folder, "alan.json"), Record("none", "memory-leak", true, true, false, "Alan", 1).ToJson());
            File.WriteAllText(Path.Combine(folder, "notes.json"), """{"other": true}""");

            var frame = InterviewRecords.Load(folder);

            Assert.Equal(2, frame.Rows.Count);
            Assert.Equal(["Ada", "Alan"], frame.Columns["candidate"].Cast<string>());
            Assert.Equal([100, 20], frame.Columns["score"].Cast<int>());
            Assert.Equal([true, false], frame.Columns["diagnosis_correct"].Cast<bool>());
            Assert.Equal(["n-plus-one", "memory-leak"], frame.Columns["answer"].Cast<string>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Loading_a_missing_folder_names_it()
    {
        var e = Assert.Throws<BadInputException>(() => InterviewRecords.Load("/nonexistent/interviews"));

        Assert.Contains("'/nonexistent/interviews' does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clock_reads_time_taken_against_time_allowed_and_goes_over_without_stopping()
    {
        var now = Start.AddMinutes(12).AddSeconds(34);
        using var clock = new InterviewClock(Start, TimeSpan.FromMinutes(30), () => now);

        Assert.Equal("12:34 of 30:00", clock.ToString());
        now = Start.AddMinutes(31).AddSeconds(5);
        Assert.Equal("31:05 of 30:00 (1:05 over)", clock.ToString());
        Assert.True(clock.IsOver);
        clock.Stop();
        now = Start.AddMinutes(40);
        Assert.Equal("submitted after 31:05 of 30:00 (1:05 over)", clock.ToString());
        Assert.True(clock.IsFinished);
    }

    private static InterviewEvidence Taken(string kind, int minute) => new(kind, Start.AddMinutes(minute), 5, "");

    private static InterviewScore Record(string diagnosis, string answer, bool evidence, bool equivalent, bool fast, string candidate = "Ada", int hours = 0) => new()
    {
        Candidate = candidate,
        Seed = 7,
        StartedAt = Start.AddHours(hours),
        SubmittedAt = Diagnosed.AddHours(hours),
        AllowedMinutes = 30,
        Diagnosis = diagnosis,
        Answer = answer,
        Cited = evidence ? ["profile"] : [],
        Evidence = [Taken("profile", 5)],
        EvidenceCredited = evidence,
        EvidenceNote = "",
        FixServed = true,
        FixEquivalent = equivalent,
        FixFastEnough = fast,
        CheckDetail = "",
    };
}
