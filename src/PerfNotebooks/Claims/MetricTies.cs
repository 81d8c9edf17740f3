namespace PerfNotebooks.Claims;

/// <summary>
/// Ties each measured number to the metric it measures: the nearest compatible metric phrase in its clause
/// (phrases before the number are preferred), refined from speed and skill words to a concrete metric where the
/// clause names one, and otherwise from the number's own unit (ms → latency, req/s → throughput). Numbers tied
/// to business words (revenue, team, coverage, onboarding) become business numbers.
/// </summary>
internal static class MetricTies
{
    [ThreadStatic]
    private static List<Hit>? candidates;

    public static void Attach(BulletReading r)
    {
        var qs = r.Quantities;
        if (qs.Count == 0)
        {
            return;
        }

        // Words that can name a metric and are not part of a number ("users" in "2M users"), found once per bullet.
        var words = candidates ??= new List<Hit>(16);
        words.Clear();
        var down = (r.AllCues & Cue.Down) != 0;
        for (var k = 0; k < r.Hits.Count; k++)
        {
            var hit = r.Hits[k];
            if (hit.Has(Cue.Metric | Cue.WeakMetric | Cue.Business | Cue.Skill | Cue.Speed) && !InAnyQuantity(r, hit)
                && !(k + 1 < r.Hits.Count && Modifies(hit, r.Hits[k + 1])))
            {
                words.Add(hit);
            }
        }

        for (var i = 0; i < qs.Count; i++)
        {
            var q = qs[i];
            if (!q.IsPerformanceValue || q.Level && q.Kind == ValueKind.Percent && q.Role == ValueRole.Single && !HasMetricNear(r, q))
            {
                continue;
            }

            if (q.Role == ValueRole.After && q.Partner >= 0 && q.Partner < i)
            {
                // The after side measures what its before side measures.
                q.Metric = qs[q.Partner].Metric;
                q.Role = qs[q.Partner].Role == ValueRole.Business ? ValueRole.Business : q.Role;
                continue;
            }

            if (q.Kind == ValueKind.Number && q.Role is ValueRole.Single or ValueRole.Change)
            {
                continue; // a bare number measures nothing on its own
            }

            if (q.Kind == ValueKind.Count && q.Role is ValueRole.Single && !q.Outcome)
            {
                continue;
            }

            var metric = Tie(r, q, words, down);
            if (metric == Metric.None)
            {
                q.Role = q.Role is ValueRole.Before ? ValueRole.Business : q.Role == ValueRole.Change || q.Kind == ValueKind.Money ? ValueRole.Business : q.Role;
                if (q.Role == ValueRole.Business && q.Partner >= 0)
                {
                    qs[q.Partner].Role = ValueRole.Business;
                }

                continue;
            }

            if (metric == (Metric)255)
            {
                q.Role = ValueRole.Business;
                if (q.Partner >= 0)
                {
                    qs[q.Partner].Role = ValueRole.Business;
                }

                continue;
            }

            q.Metric = metric;
            if (q.Partner >= 0)
            {
                qs[q.Partner].Metric = metric;
            }
        }
    }

    private static bool HasMetricNear(BulletReading r, Quantity q)
    {
        foreach (var hit in r.Hits)
        {
            if (hit.Clause == q.Clause && hit.Has(Cue.Metric) && hit.Metric is not Metric.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The metric of <paramref name="q"/>; <see cref="Metric.None"/> when nothing ties it; 255 for business.</summary>
    private static Metric Tie(BulletReading r, Quantity q, List<Hit> words, bool down)
    {
        Hit? best = null;
        var bestScore = double.MaxValue;
        foreach (var hit in words)
        {
            if (!Compatible(q, hit, down))
            {
                continue;
            }

            double distance = hit.End <= q.Start ? q.Start - hit.End : (hit.Start - q.End) * 1.5 + 3;
            if (hit.Start < q.End && hit.End > q.Start)
            {
                distance = 0;
            }

            distance += Math.Abs(hit.Clause - q.Clause) * 80;
            if (hit.Has(Cue.Business) && !hit.Has(Cue.Metric))
            {
                distance += hit.Has(Cue.WeakMetric) ? 10 : 0;
            }
            else if (!hit.Has(Cue.Metric))
            {
                distance += hit.Has(Cue.Speed) ? 2 : hit.Has(Cue.Skill) ? 8 : 12;
            }

            if (distance < bestScore)
            {
                bestScore = distance;
                best = hit;
            }
        }

        if (best is { } tied && tied.Has(Cue.Business) && !tied.Has(Cue.Metric))
        {
            return (Metric)255;
        }

        if (best is { } strong && strong.Has(Cue.Metric) && strong.Metric != Metric.None && !strong.Has(Cue.Skill))
        {
            return Refine(r, q, strong.Metric, strong.Clause);
        }

        // Speed, skill or weak words: prefer a concrete metric named in the same clause.
        var clause = best?.Clause ?? q.Clause;
        var named = NearestStrong(r, q, clause, down);
        if (named != Metric.None)
        {
            return Refine(r, q, named, clause);
        }

        if (best is { } weak && weak.Has(Cue.WeakMetric) && weak.Metric != Metric.None && !weak.Has(Cue.Skill))
        {
            return Refine(r, q, weak.Metric, clause);
        }

        return ByUnit(r, q, best);
    }

    private static Metric Refine(BulletReading r, Quantity q, Metric metric, int clause)
    {
        // "latency" with a value of minutes in a build clause is still the build's duration; time words settle it.
        if (q.Kind == ValueKind.Time && metric is Metric.Latency or Metric.Duration)
        {
            var strongDuration = false;
            var strongLatency = false;
            foreach (var hit in r.Hits)
            {
                if (hit.Clause == clause && hit.Has(Cue.Metric))
                {
                    strongDuration |= hit.Metric == Metric.Duration;
                    strongLatency |= hit.Metric == Metric.Latency;
                }
            }

            return strongLatency && !strongDuration ? Metric.Latency
                : strongDuration && !strongLatency ? Metric.Duration
                : metric;
        }

        return metric;
    }

    private static Metric NearestStrong(BulletReading r, Quantity q, int clause, bool down)
    {
        var best = Metric.None;
        var bestDistance = int.MaxValue;
        foreach (var hit in r.Hits)
        {
            if (hit.Clause != clause || !hit.Has(Cue.Metric) || hit.Has(Cue.Skill) || hit.Metric == Metric.None || InAnyQuantity(r, hit) || !Compatible(q, hit, down))
            {
                continue;
            }

            var distance = Math.Abs(hit.Start - q.Start);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = hit.Metric;
            }
        }

        return best;
    }

    private static Metric ByUnit(BulletReading r, Quantity q, Hit? tied)
    {
        switch (q.Kind)
        {
            case ValueKind.Time:
                return TimeDefault(r, q);
            case ValueKind.Rate or ValueKind.SizeRate:
                return Metric.Throughput;
            case ValueKind.Size:
                return (r.AllCues & (Cue.Down | Cue.Up | Cue.Comparative)) != 0 ? Metric.Memory : Metric.None;
            case ValueKind.Money:
                return (r.AllCues & Cue.Infra) != 0 ? Metric.Cost : Metric.None;
            case ValueKind.Count:
                return q.Noun switch
                {
                    "cores" or "core" or "vcpus" or "vcpu" or "cpus" or "cpu" => Metric.Cpu,
                    "servers" or "server" or "instances" or "instance" or "nodes" or "node" or "machines" or "machine"
                        or "hosts" or "host" or "vms" or "vm" or "pods" or "boxes" or "gpus" or "dynos" => Metric.Cost,
                    "errors" or "crashes" or "timeouts" or "exceptions" or "failures" => Metric.ErrorRate,
                    _ => tied is { } h && h.Metric != Metric.None ? h.Metric : Metric.None,
                };
            default:
                if (tied is { } hit && hit.Has(Cue.Speed))
                {
                    return HasWeakDuration(r, hit.Clause) ? Metric.Duration : Metric.Latency;
                }

                return tied is { } skill && skill.Has(Cue.Skill) ? Metric.Other : Metric.None;
        }
    }

    private static Metric TimeDefault(BulletReading r, Quantity q)
    {
        if (HasWeakDuration(r, q.Clause))
        {
            return Metric.Duration;
        }

        foreach (var hit in r.Hits)
        {
            if (hit.Clause == q.Clause && hit.Has(Cue.WeakMetric) && hit.Metric == Metric.Latency)
            {
                return Metric.Latency;
            }
        }

        var seconds = q.Base;
        if (q.Partner >= 0)
        {
            seconds = Math.Max(seconds, r.Quantities[q.Partner].Base);
        }

        return seconds >= 60 ? Metric.Duration : Metric.Latency;
    }

    private static bool HasWeakDuration(BulletReading r, int clause)
    {
        foreach (var hit in r.Hits)
        {
            if (hit.Metric == Metric.Duration && hit.Has(Cue.Metric | Cue.WeakMetric) && Math.Abs(hit.Clause - clause) <= 1)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InAnyQuantity(BulletReading r, Hit hit)
    {
        foreach (var q in r.Quantities)
        {
            if (hit.First >= q.FirstToken && hit.First <= q.LastToken)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A business word that only qualifies the performance noun right after it ("customer lookup", "order service"):
    /// the lookup is what was measured, not the customers.
    /// </summary>
    private static bool Modifies(Hit business, Hit next) =>
        business.Has(Cue.Business) && !business.Has(Cue.Metric)
        && next.First == business.Last + 1 && next.Start == business.End + 1
        && next.Has(Cue.Metric | Cue.WeakMetric) && !next.Has(Cue.Business);

    /// <param name="down">The bullet states a reduction: then "shrank payloads by 70%" is a size change.</param>
    private static bool Compatible(Quantity q, Hit hit, bool down)
    {
        if (hit.Has(Cue.Business) && !hit.Has(Cue.Metric))
        {
            return q.Kind is not (ValueKind.Rate or ValueKind.SizeRate or ValueKind.Size) || hit.Has(Cue.WeakMetric);
        }

        var metric = hit.Metric;
        if (q.Kind is ValueKind.Percent or ValueKind.Multiplier && !hit.Has(Cue.Metric | Cue.Skill | Cue.Speed)
            && !(down && hit.Has(Cue.WeakMetric) && hit.Metric == Metric.Size))
        {
            return false; // "by 3x" next to "service" says nothing about which metric moved
        }

        if (metric == Metric.None || hit.Has(Cue.Skill) || hit.Has(Cue.Speed))
        {
            return true;
        }

        return q.Kind switch
        {
            ValueKind.Time => metric is Metric.Latency or Metric.Duration or Metric.Cpu or Metric.Other,
            ValueKind.Rate => metric is Metric.Throughput or Metric.ErrorRate or Metric.Other,
            ValueKind.SizeRate => metric is Metric.Throughput or Metric.Memory or Metric.Size or Metric.Other,
            ValueKind.Size => metric is Metric.Memory or Metric.Size or Metric.Other,
            ValueKind.Money => metric is Metric.Cost,
            ValueKind.Count => metric is Metric.Cpu or Metric.Cost or Metric.ErrorRate or Metric.Memory or Metric.Throughput or Metric.Other,
            _ => true,
        };
    }
}
