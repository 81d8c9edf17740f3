
namespace PerfNotebooks.Servers;

/// <summary>Reads a latency to add (0 to 60 s) in the project's one duration syntax (<see cref="DurationText"/>).</summary>
internal static class LatencyText
{
    public static TimeSpan Parse(string option, string text) =>
        DurationText.TryParse(text) is { } span && span <= TimeSpan.FromSeconds(60)
            ? span
            : throw new BadInputException($"{option} '{text}' is not a duration between 0 and 60s; write {DurationText.Syntax}");
}
