namespace PerfNotebooks.Claims;

/// <summary>A number found while reading a bullet, before it becomes a public <see cref="ClaimValue"/>.</summary>
internal sealed class Quantity
{
    public ValueKind Kind { get; set; }

    /// <summary>The number with any k/M/B suffix applied.</summary>
    public double Number { get; set; }

    /// <summary>Multiply <see cref="Number"/> by this to get base units.</summary>
    public double Factor { get; set; } = 1;

    public string Unit { get; set; } = "";

    public string? Noun { get; set; }

    public int FirstToken { get; set; }

    public int LastToken { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public int Clause { get; set; }

    public ValueRole Role { get; set; } = ValueRole.Single;

    /// <summary>The unit was written next to the number (not inherited from the other side of a pair).</summary>
    public bool ExplicitUnit { get; set; }

    /// <summary>A lower-case "m" after the number: minutes or millions, settled by the rest of the bullet.</summary>
    public bool AmbiguousM { get; set; }

    /// <summary>+1 "doubled", -1 "halved", 0 unknown.</summary>
    public int Direction { get; set; }

    /// <summary>A percent that is a level ("at 40% CPU"), not a change.</summary>
    public bool Level { get; set; }

    /// <summary>A count that is itself the outcome ("saved 2,000 cores").</summary>
    public bool Outcome { get; set; }

    /// <summary>A calendar span (weeks, months, years).</summary>
    public bool Calendar { get; set; }

    /// <summary>The metric this number is tied to, once attached.</summary>
    public Metric Metric { get; set; }

    /// <summary>Index of the pair partner, or -1.</summary>
    public int Partner { get; set; } = -1;

    public double Base => Number * Factor;

    public bool IsPerformanceValue => Role is ValueRole.Single or ValueRole.Before or ValueRole.After or ValueRole.Change;
}
