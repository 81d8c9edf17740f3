using System.Collections.Frozen;

namespace PerfNotebooks.Claims;

/// <summary>
/// Finds every number in a tokenized bullet and reads its unit: k/M/B suffixes, thousands separators, time,
/// size, rates ("req/s", "events per minute", "10M rows a day"), money ("$18k/month"), percents, multipliers
/// ("3x", "tripled", "halved", "in half", "20 times faster") and counted nouns ("8 cores", "500 concurrent users").
/// </summary>
internal static class QuantityReader
{
    private static readonly FrozenSet<string> CountAdjectives = FrozenSet.ToFrozenSet(
        "concurrent|simultaneous|parallel|active|daily|monthly|weekly|virtual|total|physical|logical|dedicated|open|live|unique|new|distinct|production|small|large|big|additional|extra|more|fewer|back-end|backend|api|http|web|worker|peak|loaded|sample|test|hot|cold|idle|keep-alive|persistent|synthetic|real|end|simulated|websocket|tcp|grpc|arm|x86|intel|amd|shared|compute|spot|on-demand|reserved|m5|c5|r5|kafka|redis|db|database|postgres|mysql|gpu|cpu|worker|app"
            .Split('|'), StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Adjectives =
        CountAdjectives.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> CountNounSet = FrozenSet.ToFrozenSet(
        ("users|user|connections|connection|clients|client|vus|vu|requests|request|rows|row|records|record|events|event|" +
         "messages|message|documents|document|docs|files|file|items|item|keys|key|objects|object|entries|entry|queries|" +
         "query|transactions|transaction|sessions|session|tenants|tenant|jobs|job|tasks|task|pages|page|images|image|" +
         "tokens|token|lines|loc|orders|order|calls|call|products|skus|cores|core|vcpus|vcpu|cpus|cpu|threads|thread|" +
         "nodes|node|servers|server|instances|instance|machines|machine|vms|vm|hosts|host|pods|pod|containers|container|" +
         "gpus|gpu|boxes|box|brokers|broker|replicas|replica|workers|worker|executors|dynos|shards|shard|partitions|" +
         "engineers|engineer|developers|developer|people|members|member|reports|hires|candidates|interns|students|" +
         "customers|customer|teams|team|countries|languages|stakeholders|services|service|microservices|projects|" +
         "releases|features|tickets|bugs|prs|commits|stars|downloads|installs|stores|merchants|partners|patents|" +
         "papers|talks|apps|repos|repositories|tests|test|builds|deploys|deployments|endpoints|tables|databases|" +
         "sites|websites|regions|datacenters|clusters|accounts|devices|phones|vectors|embeddings|videos|photos|emails|" +
         "points|datapoints|metrics|spans|signals|dashboards|alerts|incidents|outages|employees|staff|contractors|" +
         "lambdas|functions|queues|topics|streams|pipelines|steps|stages|modules|packages|dependencies|plugins|" +
         "screens|components|classes|methods|languages|writes|reads|inserts|updates|lookups|packets|frames|bytes|runners|runner|line|row|record|document|event|message|file").Split('|'),
        StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CountNouns =
        CountNounSet.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> SmallNumberSet = FrozenSet.ToFrozenSet(
        "two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand".Split('|'),
        StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SmallNumbers =
        SmallNumberSet.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Read(string s, string lower, List<Token> tokens, List<Quantity> found)
    {
        found.Clear();
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Number)
            {
                var q = ReadNumber(s, lower, tokens, ref t);
                if (q is not null)
                {
                    found.Add(q);
                }
            }
            else if (token.Kind == TokenKind.Word)
            {
                var q = ReadWordMultiplier(lower, tokens, ref t);
                if (q is not null)
                {
                    found.Add(q);
                }
            }
        }
    }

    private static ReadOnlySpan<char> Word(string lower, List<Token> tokens, int t) =>
        t >= 0 && t < tokens.Count && tokens[t].Kind == TokenKind.Word ? lower.AsSpan(tokens[t].Start, tokens[t].Length) : default;

    private static bool IsSymbol(string s, List<Token> tokens, int t, char c) =>
        t >= 0 && t < tokens.Count && tokens[t].Kind == TokenKind.Symbol && s[tokens[t].Start] == c && tokens[t].Length == 1;

    private static Quantity? ReadNumber(string s, string lower, List<Token> tokens, ref int t)
    {
        var first = t;
        var number = tokens[t].Number;
        var next = t + 1;

        // "24/7", "1/3", "3.5/5": fractions and ratings are not measurements.
        if (IsSymbol(s, tokens, next, '/') && next + 1 < tokens.Count && tokens[next + 1].Kind == TokenKind.Number)
        {
            t = next + 1;
            return null;
        }

        if (IsSymbol(s, tokens, t - 1, '/') && t >= 2 && tokens[t - 2].Kind == TokenKind.Number)
        {
            return null;
        }

        // "99th", "1st": ordinals. "99th percentile" is a percentile, not a value.
        var after = Word(lower, tokens, next);
        if (!tokens.ElementAtOrDefault(next).SpaceBefore && after is "th" or "st" or "nd" or "rd")
        {
            t = next;
            return null;
        }

        var q = new Quantity { Kind = ValueKind.Number, FirstToken = t, LastToken = t, Clause = tokens[t].Clause };
        if (IsSymbol(s, tokens, t - 1, '$') || IsSymbol(s, tokens, t - 1, '€') || IsSymbol(s, tokens, t - 1, '£'))
        {
            q.FirstToken = t - 1;
            q.Kind = ValueKind.Money;
            q.Unit = s[tokens[t - 1].Start] == '$' ? "$" : s[tokens[t - 1].Start].ToString();
            q.ExplicitUnit = true;
        }

        var last = t;

        // Suffixes: k, M, B, million, thousand; possibly glued to a unit ("4krps", "18k/month").
        var word = after;
        var attached = next < tokens.Count && !tokens[next].SpaceBefore;
        ReadOnlySpan<char> rest = default;
        if (word is "m" or "b" && IsCountNext(lower, tokens, next + 1))
        {
            // "20m users", "1.2B events": millions and billions, not minutes or bytes.
            number *= word is "m" ? 1e6 : 1e9;
            last = next;
            next++;
            word = Word(lower, tokens, next);
            attached = false;
        }
        else if (word.Length > 0)
        {
            var original = s.AsSpan(tokens[next].Start, tokens[next].Length);
            var multiplier = Suffix(word, original, attached, out rest);
            if (multiplier > 0 && !(rest.Length == 0 && Unit.TryWord(word, out _)))
            {
                if (multiplier == -1)
                {
                    q.AmbiguousM = true;
                    multiplier = 1e6;
                }

                number *= multiplier;
                last = next;
                next++;
                word = rest.Length > 0 ? rest : Word(lower, tokens, next);
                if (rest.Length == 0)
                {
                    attached = next < tokens.Count && !tokens[next].SpaceBefore;
                }
            }
        }

        q.Number = number;
        if (q.Kind == ValueKind.Money)
        {
            if (rest.Length > 0 && rest[0] == '/' && Unit.TryPer(rest[1..], out _))
            {
                q.Unit = q.Unit + rest.ToString();
                last = next - 1;
            }
            else
            {
                last = ReadPeriod(lower, tokens, last, q);
            }

            return Finish(tokens, q, ref t, last);
        }

        if (rest.Length > 0)
        {
            // The suffix was glued to a unit: "4krps", "10k/s", "1.2kms" is not a thing, so only units.
            if (Unit.TryWord(rest, out var glued))
            {
                Apply(q, glued);
                return Finish(tokens, q, ref t, last);
            }

            if (CountNouns.Contains(rest) || Unit.RateNouns.Contains(rest))
            {
                q.Kind = ValueKind.Count;
                q.Noun = rest.ToString();
                q.Unit = q.Noun;
                return Finish(tokens, q, ref t, last);
            }

            return Finish(tokens, q, ref t, last);
        }

        // A '-' between the number and its unit: "10-second", "3-fold", "4-core".
        if (IsSymbol(s, tokens, next, '-') && Word(lower, tokens, next + 1).Length > 0)
        {
            next++;
            word = Word(lower, tokens, next);
        }

        if (IsSymbol(s, tokens, next, '%'))
        {
            q.Kind = ValueKind.Percent;
            q.Unit = "%";
            q.ExplicitUnit = true;
            last = next;
            if (Word(lower, tokens, next + 1) is "points" or "point" or "pts" or "pp")
            {
                last = next + 1;
                q.Unit = "pp";
            }

            return Finish(tokens, q, ref t, last);
        }

        if (word.Length == 0)
        {
            return Finish(tokens, q, ref t, last);
        }

        if (word is "m" && attached && s[tokens[next].Start] == 'm' && last == t)
        {
            // "20m": minutes or millions; the analyzer settles it from the rest of the bullet.
            q.Kind = ValueKind.Time;
            q.Factor = 60;
            q.Unit = "min";
            q.AmbiguousM = true;
            q.ExplicitUnit = true;
            return Finish(tokens, q, ref t, next);
        }

        if (word is "b" && s[tokens[next].Start] == 'B' && !IsCountNext(lower, tokens, next + 1))
        {
            Apply(q, new Unit(ValueKind.Size, 1, "B"));
            return Finish(tokens, q, ref t, next);
        }

        if (word is "times")
        {
            var comparative = Word(lower, tokens, next + 1);
            if (comparative is "faster" or "slower" or "more" or "less" or "fewer" or "higher" or "lower" or "smaller"
                or "bigger" or "larger" or "quicker" or "better" or "as" or "the" or "over" or "improvement"
                or "speedup" or "cheaper" or "throughput" or "reduction" or "increase")
            {
                Apply(q, new Unit(ValueKind.Multiplier, 1, "x"));
                return Finish(tokens, q, ref t, next);
            }

            return Finish(tokens, q, ref t, last);
        }

        if (word is "percentage" && Word(lower, tokens, next + 1) is "points" or "point")
        {
            q.Kind = ValueKind.Percent;
            q.Unit = "pp";
            q.ExplicitUnit = true;
            return Finish(tokens, q, ref t, next + 1);
        }

        if (word is "per" && Word(lower, tokens, next + 1) is "cent")
        {
            Apply(q, new Unit(ValueKind.Percent, 1, "%"));
            return Finish(tokens, q, ref t, next + 1);
        }

        if (WrittenUnit(s, tokens, next, word, out var unit) || Unit.TryWord(word, out unit))
        {
            Apply(q, unit);
            last = next;
            if (unit.Kind == ValueKind.Money)
            {
                last = ReadPeriod(lower, tokens, last, q);
            }
            else if (unit.Kind == ValueKind.Size && Word(lower, tokens, next + 1) is "per" or "a" && Unit.TryPer(Word(lower, tokens, next + 2), out var per))
            {
                q.Kind = ValueKind.SizeRate;
                q.Factor /= per;
                q.Unit += "/s";
                last = next + 2;
            }
            else if (unit.Kind == ValueKind.Size && IsSymbol(s, tokens, next + 1, '/') && Unit.TryPer(Word(lower, tokens, next + 2), out per))
            {
                q.Kind = ValueKind.SizeRate;
                q.Factor /= per;
                q.Unit += "/s";
                last = next + 2;
            }

            return Finish(tokens, q, ref t, last);
        }

        // Counted nouns, maybe after adjectives: "500 concurrent users", "8 vCPUs", "10M rows".
        var noun = next;
        while (noun < tokens.Count && noun < next + 3 && Adjectives.Contains(Word(lower, tokens, noun)))
        {
            noun++;
        }

        var nounWord = Word(lower, tokens, noun);
        if (nounWord is "virtual" && Word(lower, tokens, noun + 1) is "users" or "user")
        {
            noun++;
            nounWord = Word(lower, tokens, noun);
        }

        if (nounWord.Length > 0 && (CountNouns.Contains(nounWord) || Unit.RateNouns.Contains(nounWord)))
        {
            last = noun;

            // A rate: "requests per second", "events/min", "rows a day", "messages daily".
            var per = Word(lower, tokens, noun + 1);
            if ((per is "per" or "a" or "an" or "each" or "every") && Unit.TryPer(Word(lower, tokens, noun + 2), out var seconds))
            {
                SetRate(q, nounWord, seconds);
                return Finish(tokens, q, ref t, noun + 2);
            }

            if (IsSymbol(s, tokens, noun + 1, '/') && Unit.TryPer(Word(lower, tokens, noun + 2), out seconds))
            {
                SetRate(q, nounWord, seconds);
                return Finish(tokens, q, ref t, noun + 2);
            }

            if (per is "daily" or "hourly" or "nightly" or "weekly" or "monthly" && Unit.TryPer(per, out seconds))
            {
                SetRate(q, nounWord, seconds);
                return Finish(tokens, q, ref t, noun + 1);
            }

            var slash = nounWord.IndexOf('/');
            q.Kind = ValueKind.Count;
            q.Noun = slash > 0 ? nounWord[..slash].ToString() : nounWord.ToString();
            q.Unit = q.Noun;
            return Finish(tokens, q, ref t, last);
        }

        if (AnyRate(lower, tokens, noun, nounWord, out var perSeconds, out var end))
        {
            // "50 invoices a minute", "1,800 claims/hour": throughput counted in the business's own units.
            var slash = nounWord.IndexOf('/');
            SetRate(q, slash > 0 ? nounWord[..slash] : nounWord, perSeconds);
            return Finish(tokens, q, ref t, end);
        }

        if (nounWord.Length > 0 && Unit.TryWord(nounWord, out var rateUnit) && rateUnit.Kind == ValueKind.Rate && noun > next)
        {
            Apply(q, rateUnit);
            return Finish(tokens, q, ref t, noun);
        }

        return Finish(tokens, q, ref t, last);
    }

    /// <summary>
    /// Any plural noun over a period of at most a day ("invoices per minute", "claims/hour", "parcels an hour"), unless
    /// the noun is a business quantity ("signups a day"): what the bullet's own system processes per unit of time.
    /// </summary>
    private static bool AnyRate(string lower, List<Token> tokens, int noun, ReadOnlySpan<char> word, out double seconds, out int end)
    {
        seconds = 0;
        end = noun;
        var slash = word.IndexOf('/');
        var name = slash > 0 ? word[..slash] : word;
        if (name.Length < 3 || name[^1] != 's' || !IsLetters(name)
            || (Lexicon.Lookup.TryGetValue(name, out var lexeme) && (lexeme.Cues & Cue.Business) != 0))
        {
            return false;
        }

        if (slash > 0)
        {
            return Unit.TryPer(word[(slash + 1)..], out seconds) && seconds <= 86400;
        }

        var per = Word(lower, tokens, noun + 1);
        if (per is "per" or "a" or "an" or "each" or "every" && Unit.TryPer(Word(lower, tokens, noun + 2), out seconds) && seconds <= 86400)
        {
            end = noun + 2;
            return true;
        }

        return false;
    }

    private static bool IsLetters(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A unit whose case matters ("Mb" bits, "MBps" bytes), read from token <paramref name="t"/> as written.</summary>
    private static bool WrittenUnit(string s, List<Token> tokens, int t, ReadOnlySpan<char> word, out Unit unit)
    {
        unit = default;
        return t < tokens.Count && tokens[t].Kind == TokenKind.Word && word.Length == tokens[t].Length
            && Unit.TryCaseSensitive(s.AsSpan(tokens[t].Start, tokens[t].Length), out unit);
    }

    private static bool IsCountNext(string lower, List<Token> tokens, int t)
    {
        var w = Word(lower, tokens, t);
        return w.Length > 0 && (CountNouns.Contains(w) || Unit.RateNouns.Contains(w) || Adjectives.Contains(w));
    }

    private static void SetRate(Quantity q, ReadOnlySpan<char> noun, double seconds)
    {
        q.Kind = ValueKind.Rate;
        q.Factor = 1 / seconds;
        q.Noun = noun.ToString();
        q.Unit = q.Noun + (seconds switch { 1 => "/s", 60 => "/min", 3600 => "/h", 86400 => "/day", _ => "/period" });
        q.ExplicitUnit = true;
    }

    private static void Apply(Quantity q, Unit unit)
    {
        q.Kind = unit.Kind;
        q.Factor = unit.Factor;
        q.Unit = unit.Name;
        q.ExplicitUnit = true;
        q.Calendar = unit.Calendar;
    }

    /// <summary>Reads "/month", "per month", "a year", "monthly", "annually" after money.</summary>
    private static int ReadPeriod(string lower, List<Token> tokens, int last, Quantity q)
    {
        var w = Word(lower, tokens, last + 1);
        if (w.Length > 0 && w[0] == '/' && Unit.TryPer(w[1..], out _))
        {
            q.Unit += w.ToString();
            return last + 1;
        }

        if (w is "per" or "a" or "an" or "each" or "every" && Unit.TryPer(Word(lower, tokens, last + 2), out var seconds) && seconds >= 86400)
        {
            q.Unit += "/" + Word(lower, tokens, last + 2).ToString();
            return last + 2;
        }

        if (w is "monthly" or "annually" or "yearly" or "annual" or "mrr" or "arr" or "month" or "year")
        {
            q.Unit += "/" + w.ToString();
            return last + 1;
        }

        if (last + 2 < tokens.Count && tokens[last + 1].Kind == TokenKind.Symbol && tokens[last + 1].Length == 1
            && lower[tokens[last + 1].Start] == '/' && Unit.TryPer(Word(lower, tokens, last + 2), out _))
        {
            q.Unit += "/" + Word(lower, tokens, last + 2).ToString();
            return last + 2;
        }

        return last;
    }

    /// <summary>
    /// The multiplier of a suffix word: 1e3 for k, 1e6 for M/million, 1e9 for B/billion; -1 for a glued lower-case
    /// "m" (minutes or millions); 0 when it is not a suffix. <paramref name="rest"/> is any unit glued after it.
    /// </summary>
    private static double Suffix(ReadOnlySpan<char> word, ReadOnlySpan<char> original, bool attached, out ReadOnlySpan<char> rest)
    {
        rest = default;
        switch (word)
        {
            case "k" or "thousand" or "thousands":
                return 1e3;
            case "million" or "millions" or "mil" or "mln" or "mm":
                return 1e6;
            case "billion" or "billions" or "bn":
                return 1e9;
            case "m" when original[0] == 'M':
                return 1e6;
            case "b" when original[0] == 'B' && attached:
                return 0; // bytes or billions: settled by the next word
            case "hundred":
                return 100;
        }

        if (word.Length > 2 && word[1] == '-' && (word[0] == 'k' || original[0] is 'M' or 'B' or 'm'))
        {
            // "200M-row table", "400k-line codebase"
            rest = word[2..];
            return word[0] == 'k' ? 1e3 : word[0] == 'm' ? 1e6 : 1e9;
        }

        if (word.Length > 1 && attached && (word[0] == 'k' || original[0] is 'M' or 'B'))
        {
            var tail = word[1..];
            if (tail[0] == '/' || Unit.TryWord(tail, out _))
            {
                if (Unit.TryWord(word, out _))
                {
                    return 0; // "kb", "ms", "mb" are units themselves
                }

                rest = tail;
                return word[0] == 'k' ? 1e3 : original[0] == 'M' ? 1e6 : 1e9;
            }
        }

        return 0;
    }

    private static Quantity Finish(List<Token> tokens, Quantity q, ref int t, int last)
    {
        last = Math.Min(last, tokens.Count - 1);
        q.LastToken = last;
        q.Start = tokens[q.FirstToken].Start;
        q.End = tokens[last].End;
        t = last;
        return q;
    }

    /// <summary>"doubled", "tripled", "halved", "in half", "twice as fast", "an order of magnitude", "three times faster".</summary>
    private static Quantity? ReadWordMultiplier(string lower, List<Token> tokens, ref int t)
    {
        var w = Word(lower, tokens, t);
        double ratio = 0;
        var direction = 0;
        var last = t;
        switch (w)
        {
            case "doubled" or "doubling" or "doubles":
                ratio = 2;
                direction = 1;
                break;
            case "tripled" or "tripling" or "triples":
                ratio = 3;
                direction = 1;
                break;
            case "quadrupled" or "quadrupling":
                ratio = 4;
                direction = 1;
                break;
            case "halved" or "halving" or "halves":
                ratio = 2;
                direction = -1;
                break;
            case "twice" when Word(lower, tokens, t + 1) is "as" or "the" or "faster" or "more":
                ratio = 2;
                break;
            case "half" when Word(lower, tokens, t - 1) is "in" or "by":
                ratio = 2;
                direction = -1;
                break;
            case "order" or "orders" when Word(lower, tokens, t + 1) is "of" && Word(lower, tokens, t + 2) is "magnitude":
                ratio = Word(lower, tokens, t - 1) is "two" ? 100 : Word(lower, tokens, t - 1) is "three" ? 1000 : 10;
                last = t + 2;
                break;
            default:
                if (w.Length > 5 && w.EndsWith("-fold", StringComparison.Ordinal) && SmallNumbers.Contains(w[..^5]))
                {
                    ratio = SmallNumber(w[..^5]);
                }
                else if (Word(lower, tokens, t + 1) is "fold" or "times"
                    && SmallNumbers.Contains(w)
                    && (Word(lower, tokens, t + 1) is "fold" || (Word(lower, tokens, t + 2) is "faster" or "more" or "less" or "fewer" or "higher" or "lower" or "smaller" or "quicker" or "better" or "as" or "the" or "cheaper")))
                {
                    ratio = SmallNumber(w);
                    last = t + 1;
                }

                break;
        }

        if (ratio == 0)
        {
            return null;
        }

        var q = new Quantity
        {
            Kind = ValueKind.Multiplier,
            Number = ratio,
            Unit = "x",
            FirstToken = t,
            LastToken = last,
            Start = tokens[t].Start,
            End = tokens[last].End,
            Clause = tokens[t].Clause,
            ExplicitUnit = true,
            Direction = direction,
            Role = ValueRole.Change,
        };
        t = last;
        return q;
    }

    private static double SmallNumber(ReadOnlySpan<char> w) => w switch
    {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "hundred" => 100,
        _ => 1000,
    };
}
