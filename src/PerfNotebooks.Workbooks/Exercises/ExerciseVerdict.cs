using System.Globalization;
using PerfNotebooks.Display;
using static PerfNotebooks.Display.ResultHtml;

namespace PerfNotebooks.Workbooks.Exercises;

/// <summary>
/// The checker's verdict on the code a server serves: does it answer like the reference on every input tried, and
/// does it meet the scenario's performance bar. <see cref="FirstDifference"/> says where it does not.
/// </summary>
public sealed record ExerciseVerdict(
    string Scenario,
    int InputsCompared,
    int Seed,
    string? FirstDifference,
    bool FastEnough,
    string Performance,
    TimeSpan Duration) : IHtmlRenderable
{
    /// <summary>Same answers as the reference on every input compared.</summary>
    public bool Equivalent => FirstDifference is null;

    public bool Passed => Equivalent && FastEnough;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Scenario}: {(Equivalent ? $"same answers as the reference on {InputsCompared} inputs" : "differs from the reference: " + FirstDifference)}; "
        + $"{(FastEnough ? "fast enough" : "not fast enough")}: {Performance} (seed {Seed}, {Duration.TotalSeconds:0.0} s)");

    public string ToHtml()
    {
        var html = new ResultHtml("Exercise check", Scenario);
        html.Facts(
            ("answers", Equivalent ? new Cell($"same as the reference on {InputsCompared} inputs", Tone.Good) : new Cell("differ from the reference", Tone.Bad)),
            ("performance", new Cell(Performance, FastEnough ? Tone.Good : Tone.Bad)),
            ("seed", Cell.Figure(Seed, "0")),
            ("checked in", FormattableString.Invariant($"{Number(Duration.TotalSeconds, "0.0")} s")));
        if (FirstDifference is not null)
        {
            html.Warning("first difference: " + FirstDifference);
        }

        return html.ToString();
    }
}
