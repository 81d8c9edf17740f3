using System.Collections.Frozen;

namespace PerfNotebooks.Claims;

/// <summary>A unit word: what it measures, its factor to the base unit and its canonical spelling.</summary>
internal readonly record struct Unit(ValueKind Kind, double Factor, string Name)
{
    /// <summary>Weeks, months and years: a process or career span, never a performance time.</summary>
    public bool Calendar => Kind == ValueKind.Time && Factor >= 7 * 86400;

    private static readonly FrozenDictionary<string, Unit> Words = BuildWords();

    private static readonly FrozenDictionary<string, Unit>.AlternateLookup<ReadOnlySpan<char>> WordLookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> RateNounSet = FrozenSet.ToFrozenSet(
        ("req|reqs|request|requests|msg|msgs|message|messages|event|events|op|ops|operation|operations|transaction|" +
         "transactions|tx|txn|txns|query|queries|job|jobs|frame|frames|record|records|row|rows|call|calls|write|writes|" +
         "read|reads|item|items|document|documents|doc|docs|task|tasks|hit|hits|packet|packets|lookup|lookups|insert|" +
         "inserts|update|updates|prediction|predictions|inference|inferences|image|images|token|tokens|page|pages|order|" +
         "orders|email|emails|notification|notifications|file|files|batch|batches|log|logs|line|lines|span|spans|" +
         "metric|metrics|sample|samples|connection|connections|session|sessions|payment|payments|click|clicks|" +
         "impression|impressions|search|searches|upload|uploads|trade|trades|quote|quotes|bid|bids|tweet|tweets|" +
         "build|builds|deploy|deploys|test|tests|user|users|video|videos|point|points|datapoint|datapoints|key|keys|" +
         "object|objects|entry|entries|chunk|chunks|signal|signals|bytes").Split('|'), StringComparer.Ordinal);

    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RateNouns { get; } =
        RateNounSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Looks up a unit word ("ms", "req/s", "gbps", "4k/s" after the k is split off).</summary>
    public static bool TryWord(ReadOnlySpan<char> word, out Unit unit)
    {
        if (WordLookup.TryGetValue(word, out unit))
        {
            return true;
        }

        // "req/s", "events/min", "/month", "mb/sec": a noun or size over a time.
        var slash = word.IndexOf('/');
        if (slash >= 0 && TryPer(word[(slash + 1)..], out var per))
        {
            var left = word[..slash];
            if (left.Length == 0)
            {
                unit = new Unit(ValueKind.Rate, 1 / per, "/" + PerName(per));
                return true;
            }

            if (WordLookup.TryGetValue(left, out var size) && size.Kind == ValueKind.Size)
            {
                unit = new Unit(ValueKind.SizeRate, size.Factor / per, size.Name + "/s");
                return true;
            }

            // "12 MB/request", "3 ms/op": a per-item amount keeps its own kind.
            if (WordLookup.TryGetValue(left, out var perItem) && RateNouns.Contains(word[(slash + 1)..]))
            {
                unit = perItem with { Name = perItem.Name + "/" + word[(slash + 1)..].ToString() };
                return true;
            }

            if (RateNouns.Contains(left))
            {
                unit = new Unit(ValueKind.Rate, 1 / per, left.ToString() + "/" + PerName(per));
                return true;
            }
        }

        unit = default;
        return false;
    }

    /// <summary>
    /// Units whose case carries the meaning, read from the word as written: "Mb", "Gb/s", "Kbit", "megabits" are bits
    /// (an eighth of a byte), "MBps" and "GBps" are bytes per second. Lower-case "mb" stays megabytes, as people write it.
    /// </summary>
    public static bool TryCaseSensitive(ReadOnlySpan<char> written, out Unit unit)
    {
        unit = default;
        var slash = written.IndexOf('/');
        var left = slash >= 0 ? written[..slash] : written;
        var bits = BitFactor(left);
        if (bits > 0)
        {
            var prefix = PrefixName(bits * 8);
            if (slash < 0)
            {
                unit = new Unit(ValueKind.Size, bits, prefix + "b");
                return true;
            }

            Span<char> lower = stackalloc char[written.Length - slash - 1];
            written[(slash + 1)..].ToLowerInvariant(lower);
            if (TryPer(lower, out var per))
            {
                unit = new Unit(ValueKind.SizeRate, bits / per, prefix + "bps");
                return true;
            }

            return false;
        }

        // "MBps": capital B is bytes, unlike "Mbps".
        if (slash < 0 && written.Length == 4 && written.EndsWith("Bps", StringComparison.Ordinal) && PrefixFactor(written[0]) is > 0 and var factor)
        {
            unit = new Unit(ValueKind.SizeRate, factor, PrefixName(factor) + "B/s");
            return true;
        }

        return false;
    }

    private static double BitFactor(ReadOnlySpan<char> w)
    {
        if (w.Length == 2 && w[1] == 'b' && char.IsAsciiLetterUpper(w[0]))
        {
            return PrefixFactor(w[0]) / 8; // "Mb", "Gb", "Kb", "Tb"
        }

        Span<char> lower = stackalloc char[Math.Min(w.Length, 16)];
        if (w.Length > 16)
        {
            return 0;
        }

        w.ToLowerInvariant(lower);
        return lower switch
        {
            "kbit" or "kbits" or "kilobit" or "kilobits" => 1e3 / 8,
            "mbit" or "mbits" or "megabit" or "megabits" => 1e6 / 8,
            "gbit" or "gbits" or "gigabit" or "gigabits" => 1e9 / 8,
            "tbit" or "tbits" or "terabit" or "terabits" => 1e12 / 8,
            _ => 0,
        };
    }

    private static double PrefixFactor(char c) => c switch
    {
        'K' or 'k' => 1e3,
        'M' => 1e6,
        'G' => 1e9,
        'T' => 1e12,
        _ => 0,
    };

    private static string PrefixName(double factor) => factor switch
    {
        1e3 => "k",
        1e6 => "M",
        1e9 => "G",
        _ => "T",
    };

    /// <summary>The seconds in "s", "sec", "second", "min", "hour", "day": the period after "per" or "/".</summary>
    public static bool TryPer(ReadOnlySpan<char> word, out double seconds)
    {
        seconds = word switch
        {
            "s" or "sec" or "secs" or "second" or "seconds" => 1,
            "ms" => 0.001,
            "m" or "min" or "mins" or "minute" or "minutes" => 60,
            "h" or "hr" or "hrs" or "hour" or "hours" or "hourly" => 3600,
            "d" or "day" or "days" or "daily" or "nightly" => 86400,
            "wk" or "week" or "weeks" or "weekly" => 7 * 86400,
            "mo" or "month" or "months" or "monthly" => 30 * 86400,
            "yr" or "year" or "years" or "annually" or "yearly" or "annum" => 365 * 86400,
            _ => 0,
        };
        return seconds > 0;
    }

    private static string PerName(double seconds) => seconds switch
    {
        1 => "s",
        0.001 => "ms",
        60 => "min",
        3600 => "h",
        86400 => "day",
        7 * 86400 => "week",
        30 * 86400 => "month",
        _ => "year",
    };

    private static FrozenDictionary<string, Unit> BuildWords()
    {
        var d = new Dictionary<string, Unit>(StringComparer.Ordinal);

        void Add(ValueKind kind, double factor, string name, string words)
        {
            foreach (var w in words.Split('|'))
            {
                d[w] = new Unit(kind, factor, name);
            }
        }

        Add(ValueKind.Time, 1e-9, "ns", "ns|nsec|nsecs|nanosecond|nanoseconds|nanos");
        Add(ValueKind.Time, 1e-6, "us", "us|usec|usecs|microsecond|microseconds|micros");
        Add(ValueKind.Time, 1e-3, "ms", "ms|msec|msecs|millis|millisecond|milliseconds|ms.");
        Add(ValueKind.Time, 1, "s", "s|sec|secs|second|seconds");
        Add(ValueKind.Time, 60, "min", "min|mins|minute|minutes");
        Add(ValueKind.Time, 3600, "h", "h|hr|hrs|hour|hours");
        Add(ValueKind.Time, 86400, "day", "day|days");
        Add(ValueKind.Time, 7 * 86400, "week", "wk|wks|week|weeks");
        Add(ValueKind.Time, 30 * 86400, "month", "month|months|mo|mos");
        Add(ValueKind.Time, 365 * 86400, "year", "yr|yrs|year|years");
        Add(ValueKind.Size, 1, "B", "byte|bytes");
        Add(ValueKind.Size, 1e3, "KB", "kb|kbs|kilobyte|kilobytes");
        Add(ValueKind.Size, 1024, "KiB", "kib");
        Add(ValueKind.Size, 1e6, "MB", "mb|mbs|megabyte|megabytes|meg|megs");
        Add(ValueKind.Size, 1024 * 1024, "MiB", "mib");
        Add(ValueKind.Size, 1e9, "GB", "gb|gbs|gigabyte|gigabytes|gig|gigs");
        Add(ValueKind.Size, 1024.0 * 1024 * 1024, "GiB", "gib");
        Add(ValueKind.Size, 1e12, "TB", "tb|tbs|terabyte|terabytes");
        Add(ValueKind.Size, 1024.0 * 1024 * 1024 * 1024, "TiB", "tib");
        Add(ValueKind.Size, 1e15, "PB", "pb|petabyte|petabytes");
        Add(ValueKind.SizeRate, 1e3 / 8, "kbps", "kbps|kbit/s");
        Add(ValueKind.SizeRate, 1e6 / 8, "Mbps", "mbps|mbit/s|mbits/s|megabits/s");
        Add(ValueKind.SizeRate, 1e9 / 8, "Gbps", "gbps|gbit/s|gbits/s|gigabits/s|gbe");
        Add(ValueKind.SizeRate, 1e6, "MB/s", "mbs/s|mbytes/s");
        Add(ValueKind.Rate, 1, "req/s", "rps|req/s|reqs/s|req/sec|rps.");
        Add(ValueKind.Rate, 1, "queries/s", "qps");
        Add(ValueKind.Rate, 1, "tx/s", "tps");
        Add(ValueKind.Rate, 1, "frames/s", "fps");
        Add(ValueKind.Rate, 1, "ops/s", "iops|ops/s|ops/sec|op/s");
        Add(ValueKind.Rate, 1.0 / 60, "req/min", "rpm");
        Add(ValueKind.Multiplier, 1, "x", "x|fold|folds");
        Add(ValueKind.Percent, 1, "%", "percent|pct|per-cent");
        Add(ValueKind.Money, 1, "$", "usd|dollars|dollar");
        Add(ValueKind.Money, 1, "EUR", "eur|euros|euro");
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
