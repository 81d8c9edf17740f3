using System.Diagnostics;
using PerfNotebooks.ProfilingTarget;

// A small real process for the profiler tests: one mode per problem the profiler must recognise.
// It prints "ready <pid>" once warm, then a "rate <ops/s>" line every second (the overhead benchmark reads it).
var mode = args.Length > 0 ? args[0] : "cpu";
var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
var workload = Workloads.For(mode);
var stop = Stopwatch.StartNew();
long lastOps = 0;
Console.WriteLine($"ready {Environment.ProcessId}");
using var rateTimer = new Timer(_ =>
{
    var ops = Interlocked.Read(ref Workloads.Operations);
    Console.WriteLine($"rate {ops - lastOps}");
    lastOps = ops;
}, null, 1000, 1000);
workload.Run(TimeSpan.FromSeconds(seconds));
Console.WriteLine($"done after {stop.Elapsed.TotalSeconds:F1}s");
