using System.Text.Json;
using Microsoft.Data.Analysis;

namespace PerfNotebooks.Workbooks.Interviews;

/// <summary>Several candidates' interview records side by side: <c>InterviewRecords.Load("interviews")</c> is a DataFrame, one row each.</summary>
public static class InterviewRecords
{
    /// <summary>Every interview record (*.json with "record": "perfnb-interview/1") in <paramref name="folder"/>, oldest first.</summary>
    public static DataFrame Load(string folder) => ToFrame(Read(folder));

    /// <summary>The records themselves, oldest first.</summary>
    public static IReadOnlyList<InterviewScore> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new BadInputException($"interview records folder '{folder}' does not exist; pass the folder Interview.Start wrote to (default: interviews)");
        }

        var records = new List<InterviewScore>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            InterviewScore? record;
            try
            {
                record = JsonSerializer.Deserialize<InterviewScore>(File.ReadAllText(path), InterviewScore.Json);
            }
            catch (JsonException)
            {
                continue; // another kind of JSON (or half a file someone else wrote): not a record
            }

            if (record is { Record: "perfnb-interview/1" })
            {
                records.Add(record);
            }
        }

        return [.. records.OrderBy(r => r.StartedAt)];
    }

    private static DataFrame ToFrame(IReadOnlyList<InterviewScore> records) => new(
        new StringDataFrameColumn("candidate", records.Select(r => r.Candidate)),
        new PrimitiveDataFrameColumn<int>("seed", records.Select(r => r.Seed)),
        new StringDataFrameColumn("runtime", records.Select(r => r.Runtime)),
        new StringDataFrameColumn("started", records.Select(r => r.StartedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))),
        new StringDataFrameColumn("answer", records.Select(r => r.Answer)),
        new StringDataFrameColumn("diagnosis", records.Select(r => r.Diagnosis)),
        new PrimitiveDataFrameColumn<bool>("diagnosis_correct", records.Select(r => r.DiagnosisCorrect)),
        new PrimitiveDataFrameColumn<bool>("evidence_credited", records.Select(r => r.EvidenceCredited)),
        new PrimitiveDataFrameColumn<bool>("fix_passed", records.Select(r => r.FixPassed)),
        new PrimitiveDataFrameColumn<double>("minutes", records.Select(r => Math.Round(r.TakenMinutes, 1))),
        new PrimitiveDataFrameColumn<int>("score", records.Select(r => r.Score)));
}
