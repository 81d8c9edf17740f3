using System.Globalization;
using System.Text.Json;
using PerfNotebooks.Display;
using PerfNotebooks.Servers;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Workbooks.Interviews;

/// <summary>
/// The record of one interview, as a hiring manager keeps it: the diagnosis against the answer, the evidence the
/// library saw the candidate gather before it, the exercise checker's verdict on the code the server served at the
/// submission (run by the interview itself), and the time taken. 40 points for the diagnosis, 20 for evidence, 40
/// for the fix; 100 is full marks. Saved as JSON (<see cref="ToJson"/>) and HTML; <see cref="InterviewRecords"/>
/// loads a folder of them.
/// </summary>
public sealed record InterviewScore : IHtmlRenderable
{
    public const int DiagnosisWeight = 40;
    public const int EvidenceWeight = 20;
    public const int FixWeight = 40;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Marks the file as an interview record, so a folder can hold other JSON too.</summary>
    public string Record { get; init; } = "perfnb-interview/1";

    public required string Candidate { get; init; }

    /// <summary>The variant's seed: the same seed serves the same server again.</summary>
    public required int Seed { get; init; }

    /// <summary>The server's language: the same seed serves another variant on another runtime.</summary>
    public string Runtime { get; init; } = SampleRuntimes.Dotnet;

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required double AllowedMinutes { get; init; }

    public double TakenMinutes => (SubmittedAt - StartedAt).TotalMinutes;

    /// <summary>One of <see cref="Interview.Causes"/>.</summary>
    public required string Diagnosis { get; init; }

    /// <summary>The right diagnosis: the scenario served, or "none" for a healthy server.</summary>
    public required string Answer { get; init; }

    public bool DiagnosisCorrect => Diagnosis == Answer;

    /// <summary>The kinds of evidence the candidate cited ("profile", "counters", "load").</summary>
    public required IReadOnlyList<string> Cited { get; init; }

    /// <summary>What the library saw the candidate measure of this server, with times.</summary>
    public required IReadOnlyList<InterviewEvidence> Evidence { get; init; }

    /// <summary>Why the evidence earned its points or not.</summary>
    public required string EvidenceNote { get; init; }

    public required bool EvidenceCredited { get; init; }

    /// <summary>Whether the candidate served code of their own (a healthy server's right answer is to serve none).</summary>
    public required bool FixServed { get; init; }

    public required bool FixEquivalent { get; init; }

    public required bool FixFastEnough { get; init; }

    /// <summary>The checker's own words: the first difference, the performance measured.</summary>
    public required string CheckDetail { get; init; }

    /// <summary>The last code the candidate served, if any.</summary>
    public string? FixCode { get; init; }

    public bool FixPassed => FixEquivalent && FixFastEnough;

    public int DiagnosisPoints => DiagnosisCorrect ? DiagnosisWeight : 0;

    public int EvidencePoints => EvidenceCredited ? EvidenceWeight : 0;

    public int FixPoints => FixPassed ? FixWeight : 0;

    public int Score => DiagnosisPoints + EvidencePoints + FixPoints;

    public bool FullMarks => Score == DiagnosisWeight + EvidenceWeight + FixWeight;

    /// <summary>
    /// Whether the cited evidence counts: cited at all, every cited kind really gathered from this server before the
    /// diagnosis, and among it a profile or the server's counters (a load run alone shows a symptom, not a cause).
    /// </summary>
    internal static (bool Credited, string Note) Judge(IReadOnlyList<string> cited, IReadOnlyList<InterviewEvidence> gathered, DateTimeOffset diagnosedAt)
    {
        if (cited.Count == 0)
        {
            return (false, "no evidence cited");
        }

        var before = gathered.Where(e => e.At <= diagnosedAt).Select(e => e.Kind).ToHashSet(StringComparer.Ordinal);
        var missing = cited.Where(k => !before.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            return (false, $"cited {string.Join(", ", missing)} but never took it of this server before the diagnosis");
        }

        return cited.Contains("profile") || cited.Contains("counters")
            ? (true, $"cited {string.Join(", ", cited)}, all taken of this server before the diagnosis")
            : (false, "cited only a load run: it shows a symptom; a profile or the counters show the cause");
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Candidate}: {Score}/100 — diagnosis {Diagnosis} ({(DiagnosisCorrect ? "right" : "wrong, it was " + Answer)}), "
        + $"evidence {EvidencePoints}/{EvidenceWeight} ({EvidenceNote}), fix {FixPoints}/{FixWeight} ({CheckDetail}), "
        + $"{TakenMinutes:0.0} of {AllowedMinutes:0} minutes");

    public string ToHtml()
    {
        var html = new ResultHtml("Interview score", string.Create(CultureInfo.InvariantCulture, $"{Candidate}: {Score}/100"));
        html.Facts(
            ("diagnosis", new Cell($"{Diagnosis}: {(DiagnosisCorrect ? "right" : "wrong")} ({DiagnosisPoints}/{DiagnosisWeight})", DiagnosisCorrect ? Tone.Good : Tone.Bad)),
            ("answer", Answer),
            ("evidence", new Cell($"{EvidenceNote} ({EvidencePoints}/{EvidenceWeight})", EvidenceCredited ? Tone.Good : Tone.Bad)),
            ("fix", new Cell($"{(FixServed ? "code served" : "no code served")}; {(FixEquivalent ? "same answers as the reference" : "answers differ")}, {(FixFastEnough ? "fast enough" : "not fast enough")} ({FixPoints}/{FixWeight})", FixPassed ? Tone.Good : Tone.Bad)),
            ("checker", CheckDetail),
            ("time", string.Create(CultureInfo.InvariantCulture, $"{InterviewClock.Minutes(SubmittedAt - StartedAt)} of {AllowedMinutes:0}:00{(TakenMinutes > AllowedMinutes ? " (over)" : "")}")),
            ("seed", Cell.Figure(Seed, "0")),
            ("runtime", Runtime));
        html.Heading("Evidence gathered (recorded by the library)");
        html.Table(
            ["kind", "at (minutes in)", "seconds", "found"],
            Evidence.Select(e => (IReadOnlyList<Cell>)[e.Kind, Cell.Figure((e.At - StartedAt).TotalMinutes, "0.0"), Cell.Figure(e.Seconds, "0.#"), e.Summary]));
        return html.ToString();
    }
}
