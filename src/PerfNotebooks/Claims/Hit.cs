namespace PerfNotebooks.Claims;

/// <summary>A lexicon phrase found in a bullet: tokens [First, Last], characters [Start, End).</summary>
internal readonly record struct Hit(int First, int Last, int Start, int End, int Clause, Lexeme Lexeme)
{
    public Cue Cues => Lexeme.Cues;

    public Metric Metric => Lexeme.Metric;

    public bool Has(Cue cue) => (Lexeme.Cues & cue) != 0;
}
