using System.Net;
using System.Text.Json;

namespace PerfNotebooks.Workbooks;

/// <summary>One checkpoint's verdict: passed or not, what was checked, and a hint when it did not pass.</summary>
public sealed record CheckResult(string Checkpoint, bool Passed, string Detail, string? Hint) : IMimeRenderable
{
    /// <summary>The MIME type graders look for in executed notebooks.</summary>
    public const string MimeType = "application/vnd.perfnb.check+json";

    public override string ToString() => Passed
        ? $"✔ {Checkpoint}: {Detail}"
        : $"✘ {Checkpoint}: {Detail}" + (Hint is null ? "" : $"\n  hint: {Hint}");

    public IReadOnlyDictionary<string, string> ToMimeBundle()
    {
        var colour = Passed ? "#1a7f37" : "#cf222e";
        var html = $"<div style=\"border-left:4px solid {colour};padding:.4em .8em;margin:.3em 0\">"
            + $"<b style=\"color:{colour}\">{(Passed ? "✔ passed" : "✘ not yet")}</b> · <b>{WebUtility.HtmlEncode(Checkpoint)}</b>: {WebUtility.HtmlEncode(Detail)}"
            + (Passed || Hint is null ? "" : $"<br><i>Hint:</i> {WebUtility.HtmlEncode(Hint)}")
            + "</div>";
        return new Dictionary<string, string>
        {
            ["text/plain"] = ToString(),
            ["text/html"] = html,
            [MimeType] = JsonSerializer.Serialize(new { checkpoint = Checkpoint, passed = Passed, detail = Detail, hint = Hint }),
        };
    }
}
