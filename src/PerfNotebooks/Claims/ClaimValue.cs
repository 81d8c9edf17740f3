namespace PerfNotebooks.Claims;

/// <summary>What a parsed number measures.</summary>
public enum ValueKind
{
    /// <summary>A bare number with no unit.</summary>
    Number,

    /// <summary>A time; <see cref="ClaimValue.Base"/> is in seconds.</summary>
    Time,

    /// <summary>Events per time; <see cref="ClaimValue.Base"/> is per second.</summary>
    Rate,

    /// <summary>A size; <see cref="ClaimValue.Base"/> is in bytes.</summary>
    Size,

    /// <summary>Bytes per time; <see cref="ClaimValue.Base"/> is bytes per second.</summary>
    SizeRate,

    /// <summary>Money; <see cref="ClaimValue.Base"/> is in the stated currency (per month when a period is given).</summary>
    Money,

    /// <summary>A percentage.</summary>
    Percent,

    /// <summary>A ratio such as 3x, tripled or halved; <see cref="ClaimValue.Base"/> is the ratio (always ≥ 1).</summary>
    Multiplier,

    /// <summary>A count of something named by <see cref="ClaimValue.Noun"/> (cores, users, rows).</summary>
    Count,
}

/// <summary>The part a value plays in its bullet.</summary>
public enum ValueRole
{
    /// <summary>A measured value that is not part of a before/after pair.</summary>
    Single,

    /// <summary>The before side of a before→after pair.</summary>
    Before,

    /// <summary>The after side of a before→after pair.</summary>
    After,

    /// <summary>A relative change: a percentage or multiplier ("by 40%", "3x", "halved").</summary>
    Change,

    /// <summary>The load or data size the value was measured under ("at 5k req/s", "on a 50 GB dataset").</summary>
    Workload,

    /// <summary>The machine it ran on ("8 cores", "16 GB RAM").</summary>
    Hardware,

    /// <summary>A business or process number (team size, users, years, revenue): not a performance value.</summary>
    Business,
}

/// <summary>One number found in a bullet, with its unit normalized.</summary>
/// <param name="Text">The number and unit as written (after normalizing arrows and micro signs).</param>
/// <param name="Number">The number as written, with k/M suffixes applied (18k → 18000).</param>
/// <param name="Unit">Canonical unit: ms, s, req/s, MB, $, %, x, or the counted noun.</param>
/// <param name="Kind">What the value measures.</param>
/// <param name="Base">The value in base units: seconds, bytes, per second, a ratio ≥ 1 for multipliers.</param>
/// <param name="Role">The part it plays: before, after, change, workload...</param>
/// <param name="Noun">For counts and rates, the thing counted (requests, cores, users); otherwise null.</param>
public sealed record ClaimValue(
    string Text, double Number, string Unit, ValueKind Kind, double Base, ValueRole Role, string? Noun = null)
{
    /// <inheritdoc />
    public override string ToString() => Role is ValueRole.Single ? Text : $"{Text} ({Role.ToString().ToLowerInvariant()})";
}
