using System.Globalization;

namespace PerfNotebooks.Claims;

/// <summary>Checks values against the reference ranges (datasets/claims/reference-ranges.csv).</summary>
internal static class Plausibility
{
    public static bool Check(BulletReading r, Metric metric, List<string> problems)
    {
        var plausible = true;
        var fleet = (r.AllCues & Cue.Fleet) != 0;
        var network = (r.AllCues & Cue.Network) != 0;
        var cores = -1.0; // found only when a request rate needs it: scanning for cores is the costly part
        foreach (var q in r.Quantities)
        {
            if (q.Role is ValueRole.Business or ValueRole.Hardware || q.Role == ValueRole.Before)
            {
                continue;
            }

            if (q.Kind == ValueKind.Time && q.Metric is Metric.Latency && q.Base > 0)
            {
                var floor = ReferenceRange.Get("latency-floor");
                var networkFloor = ReferenceRange.Get("network-latency-floor");
                if (q.Base < floor.Limit)
                {
                    plausible = Fail(problems, r, q, floor);
                }
                else if (network && q.Base < networkFloor.Limit)
                {
                    plausible = Fail(problems, r, q, networkFloor);
                }
            }

            if (q.Kind == ValueKind.Rate && !fleet && IsRequestRate(q))
            {
                cores = cores < 0 ? Cores(r) : cores;
                var perCore = ReferenceRange.Get("rps-per-core");
                var single = ReferenceRange.Get("single-machine-rps");
                if (cores > 0 && q.Base / cores > perCore.Limit)
                {
                    plausible = Fail(problems, r, q, perCore, $" ({Fmt(q.Base / cores)} per core on {Fmt(cores)})");
                }
                else if (cores > 0 && OneMachine(r) && q.Base > single.Limit)
                {
                    plausible = Fail(problems, r, q, single);
                }
            }

            if (q.Kind == ValueKind.SizeRate && !fleet)
            {
                var bandwidth = ReferenceRange.Get("machine-bandwidth");
                if (q.Base > bandwidth.Limit)
                {
                    plausible = Fail(problems, r, q, bandwidth);
                }
            }

            if (q.Kind == ValueKind.Percent && q.Role == ValueRole.Change && q.Number > 100 && Falls(r, q, metric))
            {
                plausible = Fail(problems, r, q, ReferenceRange.Get("reduction-over-100"));
            }
        }

        return plausible;
    }

    private static bool Fail(List<string> problems, BulletReading r, Quantity q, ReferenceRange range, string detail = "")
    {
        problems.Add($"Implausible: {r.Text[q.Start..q.End]}{detail}: {range.Reason} (source: {range.Source}).");
        return false;
    }

    private static string Fmt(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static bool IsRequestRate(Quantity q) =>
        q.Unit is "req/s" or "queries/s" or "tx/s" or "ops/s" or "req/min"
        || q.Noun is "req" or "reqs" or "request" or "requests" or "queries" or "query" or "transactions" or "calls" or "rpc" or "ops";

    /// <summary>Cores stated ("8 cores", "4 vCPUs") or implied ("a small VM", "t3.micro", "single core"); 0 when unknown.</summary>
    private static double Cores(BulletReading r)
    {
        foreach (var q in r.Quantities)
        {
            if (q.Role == ValueRole.Hardware && q.Noun is "cores" or "core" or "vcpus" or "vcpu" or "cpus" or "cpu" or "threads")
            {
                return q.Number;
            }
        }

        var small = ReferenceRange.Get("small-vm-cores").Limit;
        for (var t = 0; t < r.Tokens.Count; t++)
        {
            var w = r.Word(t);
            if (w is "single-core" or "single-threaded" || (w is "single" or "one" && r.Word(t + 1) is "core" or "vcpu" or "cpu" or "thread"))
            {
                return 1;
            }

            if ((w.StartsWith("t2.", StringComparison.Ordinal) || w.StartsWith("t3.", StringComparison.Ordinal) || w.StartsWith("t4g.", StringComparison.Ordinal) || w.StartsWith("t3a.", StringComparison.Ordinal))
                && !w.EndsWith("xlarge", StringComparison.Ordinal))
            {
                return small;
            }

            if (w is "small" or "tiny" or "cheap" or "micro" && r.Word(t + 1) is "vm" or "instance" or "droplet" or "box" or "server" or "vps" or "node")
            {
                return small;
            }

            if (w is "raspberry" or "laptop")
            {
                return 4;
            }
        }

        return 0;
    }

    private static bool OneMachine(BulletReading r)
    {
        for (var t = 0; t < r.Tokens.Count; t++)
        {
            if (r.Word(t) is "single" or "one" or "a")
            {
                var next = r.Word(t + 1) is "small" or "tiny" or "cheap" ? r.Word(t + 2) : r.Word(t + 1);
                if (next is "vm" or "instance" or "server" or "machine" or "box" or "node" or "droplet" or "host" or "vps" or "laptop")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Falls(BulletReading r, Quantity q, Metric metric)
    {
        if ((r.AllCues & Cue.Speed) != 0 || metric is Metric.Throughput)
        {
            return false;
        }

        var next = r.CuesAt(q.LastToken + 1);
        if ((next & Cue.Up) != 0)
        {
            return false;
        }

        for (var t = 0; t < r.Tokens.Count; t++)
        {
            var cues = r.CuesAt(t);
            if (r.Tokens[t].Clause == q.Clause && (cues & Cue.Down) != 0 && (cues & Cue.Up) == 0)
            {
                return true;
            }
        }

        return (next & Cue.Down) != 0;
    }
}
