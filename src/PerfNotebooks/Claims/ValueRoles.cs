namespace PerfNotebooks.Claims;

/// <summary>
/// Decides the part each number plays: before/after pairs ("from 2.4s to 120ms", "2.4s -> 120ms",
/// "120ms, down from 2.4s"), changes ("by 40%", "3x faster"), levels ("at 40% CPU"), workload ("under 5k RPS",
/// "on a 50 GB dataset"), hardware ("8 cores", "16 GB RAM") and business numbers (team size, years).
/// </summary>
internal static class ValueRoles
{
    public static void Assign(BulletReading r)
    {
        var qs = r.Quantities;
        if (qs.Count == 0)
        {
            return;
        }

        SettleMinutesOrMillions(r);
        FindPairs(r);
        foreach (var q in qs)
        {
            if (q.Role != ValueRole.Single)
            {
                continue;
            }

            switch (q.Kind)
            {
                case ValueKind.Time when NextIs(r, q, Cue.Business):
                    q.Role = ValueRole.Business; // "a 2-day workshop", "a 12-week course": how long, but not performance
                    break;
                case ValueKind.Time when q.Calendar:
                    q.Role = ValueRole.Business;
                    break;
                case ValueKind.Percent:
                    if (IsLevel(r, q))
                    {
                        q.Level = true;
                    }
                    else
                    {
                        q.Role = ValueRole.Change;
                    }

                    break;
                case ValueKind.Multiplier:
                    q.Role = ValueRole.Change;
                    break;
                case ValueKind.Count:
                    q.Role = CountRole(r, q);
                    break;
                case ValueKind.Size:
                    q.Role = NextIs(r, q, Cue.Data) ? ValueRole.Workload
                        : NextIs(r, q, Cue.HardwareNoun) ? ValueRole.Hardware
                        : ValueRole.Single;
                    break;
                case ValueKind.Time when q.Factor == 86400 && !HasDurationWords(r):
                    q.Role = ValueRole.Business; // "in 3 days": a delivery span, unless a job or pipeline took it
                    break;
                case ValueKind.Rate or ValueKind.SizeRate when AfterLoadPreposition(r, q):
                    q.Role = ValueRole.Workload; // settled below: only if something else was measured
                    break;
            }
        }

        // A load level or a machine's memory is only workload or hardware when something else is the measured
        // outcome: "at 5k req/s" beside a latency, but "handled 120k msg/s" alone is the claim.
        if (!HasOutcome(qs))
        {
            foreach (var q in qs)
            {
                if (q.Role == ValueRole.Workload && q.Kind is ValueKind.Rate or ValueKind.SizeRate)
                {
                    q.Role = ValueRole.Single;
                }
            }

            if (!HasOutcome(qs))
            {
                foreach (var q in qs)
                {
                    if (q.Role == ValueRole.Workload || (q.Role == ValueRole.Hardware && q.Kind == ValueKind.Size))
                    {
                        q.Role = q.Kind == ValueKind.Count && q.Noun is "users" or "user" or "customers" or "clients" ? ValueRole.Business : ValueRole.Single;
                    }
                }
            }
        }
    }

    private static bool HasOutcome(List<Quantity> qs)
    {
        foreach (var q in qs)
        {
            if (q.IsPerformanceValue && (q.Kind is not (ValueKind.Count or ValueKind.Number) || q.Outcome))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasDurationWords(BulletReading r)
    {
        foreach (var hit in r.Hits)
        {
            if (hit.Metric == Metric.Duration && hit.Has(Cue.Metric | Cue.WeakMetric))
            {
                return true;
            }
        }

        return false;
    }

    private static void SettleMinutesOrMillions(BulletReading r)
    {
        foreach (var q in r.Quantities)
        {
            if (!q.AmbiguousM || q.Kind != ValueKind.Time)
            {
                continue;
            }

            var minutes = false;
            foreach (var other in r.Quantities)
            {
                minutes |= other != q && other.Kind == ValueKind.Time && !other.AmbiguousM;
            }

            foreach (var hit in r.Hits)
            {
                minutes |= hit.Metric is Metric.Duration or Metric.Latency && hit.Has(Cue.Metric | Cue.WeakMetric);
            }

            if (!minutes)
            {
                q.Kind = ValueKind.Number;
                q.Number *= 1e6;
                q.Factor = 1;
                q.Unit = "";
                q.ExplicitUnit = false;
            }
        }
    }

    private static bool IsFiller(ReadOnlySpan<char> w) =>
        w is "~" or "about" or "around" or "roughly" or "approximately" or "approx" or "approx." or "nearly" or "almost"
            or "just" or "only" or "under" or "below" or "sub" or "over" or "above" or "less" or "than" or "a" or "an"
            or "average" or "of" or "mere" or "barely" or "max" or "avg" or "mean" or "median" or "p99" or "p95" or "p50"
            or "peak" or "typical" or "consistent" or "consistently" or "stable" or "steady";

    private static bool IsFillerToken(BulletReading r, int t) =>
        IsFiller(r.Word(t)) || r.IsSymbol(t, '~') || r.IsSymbol(t, '<') || r.IsSymbol(t, '>') || r.IsSymbol(t, '=');

    private static void FindPairs(BulletReading r)
    {
        var qs = r.Quantities;
        for (var i = 0; i + 1 < qs.Count; i++)
        {
            var a = qs[i];
            var b = qs[i + 1];
            if (a.Role != ValueRole.Single || b.Role != ValueRole.Single || a.Calendar != b.Calendar)
            {
                continue;
            }

            var between = Between(r, a, b);
            if (between == Link.None)
            {
                continue;
            }

            if (!Compatible(a, b))
            {
                continue;
            }

            // "by 70%, from 40 to 12 min": the "from" opens the next pair, it does not make b the baseline of a.
            if (between == Link.DownFrom && i + 2 < qs.Count && Between(r, b, qs[i + 2]) is Link.To or Link.Arrow && Compatible(b, qs[i + 2]))
            {
                continue;
            }

            var fromBefore = PrecededByFrom(r, a);
            var bothUnits = a.ExplicitUnit && b.ExplicitUnit;
            var pair = between switch
            {
                Link.Arrow => true,
                Link.To => fromBefore || bothUnits || a.Kind == ValueKind.Number && b.ExplicitUnit,
                Link.Dash => fromBefore || (bothUnits && a.Kind != ValueKind.Count),
                Link.DownFrom => true,
                _ => false,
            };
            if (!pair)
            {
                continue;
            }

            if (a.Kind == ValueKind.Number && b.Kind != ValueKind.Number)
            {
                Inherit(a, b);
            }
            else if (b.Kind == ValueKind.Number && a.Kind != ValueKind.Number)
            {
                Inherit(b, a);
            }

            var (before, after) = between == Link.DownFrom ? (b, a) : (a, b);
            before.Role = ValueRole.Before;
            after.Role = ValueRole.After;
            before.Partner = qs.IndexOf(after);
            after.Partner = qs.IndexOf(before);
            i++;
        }
    }

    private enum Link
    {
        None,
        To,
        Arrow,
        Dash,
        DownFrom,
    }

    /// <summary>What joins two numbers: "to", "->", "-", or ", down from" / "(from" / "vs" (the second is the before).</summary>
    private static Link Between(BulletReading r, Quantity a, Quantity b)
    {
        var link = Link.None;
        for (var t = a.LastToken + 1; t < b.FirstToken; t++)
        {
            var w = r.Word(t);
            if (r.IsSymbol(t, '$') || r.IsSymbol(t, '€') || r.IsSymbol(t, '£'))
            {
                continue;
            }

            if (w is "to" or "down" or "up" && link == Link.None && w is "to")
            {
                link = Link.To;
            }
            else if (w is "down" or "up" && link == Link.None && r.Word(t + 1) is "to")
            {
                // "down to", "up to": the "to" comes next
            }
            else if (r.IsSymbol(t, '-') && r.Tokens[t].Length == 2 && link == Link.None)
            {
                link = Link.Arrow;
            }
            else if (r.IsSymbol(t, '-') && link == Link.None)
            {
                link = Link.Dash;
            }
            else if (r.IsSymbol(t, '/') && link == Link.None && t == a.LastToken + 1 && t + 1 == b.FirstToken)
            {
                return Link.None; // "3/5"
            }
            else if ((w is "from" or "vs" or "vs." or "versus" or "was" or "previously" or "baseline") && link == Link.None)
            {
                link = Link.DownFrom;
            }
            else if (w is "instead" && link == Link.None && r.Word(t + 1) is "of")
            {
                link = Link.DownFrom;
                t++;
            }
            else if (w is "down" or "up" or "compared" or "with" or "relative" or "than" && link == Link.None && r.Word(t + 1) is "from" or "to" or "with")
            {
                // "down from", "compared to", "compared with"
                link = Link.DownFrom;
                t++;
            }
            else if (r.IsSymbol(t, ',') || r.IsSymbol(t, '(') || r.IsSymbol(t, ':') || IsFillerToken(r, t) || w is "in" or "the" or "at")
            {
                if (link != Link.None && (r.IsSymbol(t, ',') || r.IsSymbol(t, '(')))
                {
                    return Link.None;
                }
            }
            else
            {
                return Link.None;
            }
        }

        return link;
    }

    private static bool Compatible(Quantity a, Quantity b)
    {
        if (a.Kind == ValueKind.Number || b.Kind == ValueKind.Number)
        {
            return a.Kind != ValueKind.Multiplier && b.Kind != ValueKind.Multiplier;
        }

        if (a.Kind != b.Kind)
        {
            return false;
        }

        return a.Kind switch
        {
            ValueKind.Multiplier => false,
            ValueKind.Count => a.Noun == b.Noun,
            ValueKind.Rate => true,
            _ => true,
        };
    }

    private static void Inherit(Quantity bare, Quantity from)
    {
        bare.Kind = from.Kind;
        bare.Factor = from.Factor;
        bare.Unit = from.Unit;
        bare.Noun = from.Noun;
        bare.Calendar = from.Calendar;
    }

    private static bool PrecededByFrom(BulletReading r, Quantity q)
    {
        for (var t = q.FirstToken - 1; t >= 0 && t >= q.FirstToken - 4; t--)
        {
            var w = r.Word(t);
            if (w is "from" or "went" or "between")
            {
                return true;
            }

            if (!IsFillerToken(r, t) && !r.IsSymbol(t, '$'))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsLevel(BulletReading r, Quantity q)
    {
        var next = q.LastToken + 1;
        if ((r.CuesAt(next) & (Cue.Comparative | Cue.Speed)) != 0)
        {
            return false;
        }

        var prev = q.FirstToken - 1;
        while (prev >= 0 && (r.IsSymbol(prev, '~') || r.Word(prev) is "about" or "around" or "roughly" or "nearly" or "almost" or "over" or "approximately"))
        {
            prev--;
        }

        var before = r.Word(prev);
        if (before is "by" or "up" or "down" || r.IsSymbol(prev, '+') || r.IsSymbol(prev, '-'))
        {
            return false;
        }

        if (before is "at" or "of" or "to" or "under" or "below" or "above" or "reached" or "hit" or "is" or "was" or "with"
            or "maintained" or "maintaining" or "sustained" or "kept" or "keeping" or "achieved" or "achieving" or "within"
            or "averaging" or "near" or "stays" or "stayed" || r.IsSymbol(prev, '<') || r.IsSymbol(prev, '>') || r.IsSymbol(prev, '='))
        {
            return true;
        }

        var after = r.Word(next);
        return after is "utilization" or "utilisation" or "usage" or "uptime" or "availability" or "cpu" or "coverage"
            or "hit" or "cache" or "accuracy" or "sla" or "slo" or "of" or "crash-free" or "success" or "load" or "capacity"
            or "error" or "errors" or "precision" or "recall" or "share" or "occupancy" or "saturation";
    }

    private static bool NextIs(BulletReading r, Quantity q, Cue cue)
    {
        for (var t = q.LastToken + 1; t < r.Tokens.Count && t <= q.LastToken + 3; t++)
        {
            if ((r.CuesAt(t) & cue) != 0)
            {
                return true;
            }

            if (r.Word(t) is not ("of" or "a" or "the" or "raw" or "compressed" or "uncompressed" or "input" or "production" or "test" or "sample"))
            {
                return false;
            }
        }

        return false;
    }

    private static bool AfterLoadPreposition(BulletReading r, Quantity q)
    {
        for (var t = q.FirstToken - 1; t >= 0 && t >= q.FirstToken - 4; t--)
        {
            if ((r.CuesAt(t) & Cue.LoadPreposition) != 0 && r.Word(t) is not ("of" or "for" or "processing" or "on" or "across"))
            {
                return true;
            }

            if (!IsFillerToken(r, t) && r.Word(t) is not ("peak" or "sustained" or "steady" or "constant" or "load" or "of" or "a" or "traffic"))
            {
                return false;
            }
        }

        return false;
    }

    private static ValueRole CountRole(BulletReading r, Quantity q)
    {
        // "Saved 2,000 CPU cores", "freed 40 servers": the count is the outcome, not the machine it ran on.
        for (var t = q.FirstToken - 1; t >= 0 && t >= q.FirstToken - 2; t--)
        {
            if ((r.CuesAt(t) & (Cue.Down | Cue.Up)) != 0 && r.Word(t) is not ("up" or "down" or "to" or "off"))
            {
                q.Outcome = true;
                return ValueRole.Single;
            }
        }

        switch (q.Noun)
        {
            case "cores" or "core" or "vcpus" or "vcpu" or "cpus" or "cpu" or "threads" or "thread" or "nodes" or "node"
                or "servers" or "server" or "instances" or "instance" or "machines" or "machine" or "vms" or "vm" or "hosts"
                or "host" or "pods" or "pod" or "containers" or "container" or "gpus" or "gpu" or "boxes" or "box"
                or "brokers" or "broker" or "replicas" or "replica" or "workers" or "worker" or "executors" or "dynos"
                or "shards" or "shard" or "partitions" or "devices" or "phones":
                return ValueRole.Hardware;
            case "users" or "user" or "connections" or "connection" or "clients" or "client" or "vus" or "vu"
                or "requests" or "request" or "rows" or "row" or "records" or "record" or "events" or "event" or "messages"
                or "message" or "documents" or "document" or "docs" or "files" or "file" or "items" or "item" or "keys" or "key"
                or "objects" or "object" or "entries" or "entry" or "queries" or "query" or "transactions" or "transaction"
                or "sessions" or "session" or "tenants" or "tenant" or "jobs" or "job" or "tasks" or "task" or "pages" or "page"
                or "images" or "image" or "tokens" or "token" or "lines" or "loc" or "orders" or "order" or "calls" or "call"
                or "products" or "skus" or "tables" or "vectors" or "embeddings" or "videos" or "photos" or "emails"
                or "points" or "datapoints" or "metrics" or "spans" or "signals" or "writes" or "reads" or "inserts"
                or "updates" or "lookups" or "packets" or "frames" or "bytes" or "tests" or "test" or "builds" or "endpoints":
                return ValueRole.Workload;
            default:
                return ValueRole.Business;
        }
    }
}
