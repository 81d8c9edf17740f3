#:project ../src/PerfNotebooks.Workbooks/PerfNotebooks.Workbooks.csproj
#:property PublishAot=false
// How long the equivalence checker (ExerciseCheck.Run: edge and randomized inputs against the reference, then the
// scenario's performance bar) takes per scenario, with the instructor's fix as the learner's code.
// Run: dotnet run -c Release benchmarks/exercise-check.cs [scenario ...]   (for docs/benchmarks.md)
using System.Globalization;
using PerfNotebooks.Servers;
using PerfNotebooks.Workbooks.Exercises;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string[] scenarios = args.Length > 0 ? args : ["cpu-hotspot", "n-plus-one", "memory-leak", "threadpool-starvation", "connection-leak", "lock-contention"];
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
foreach (var scenario in scenarios)
{
    await using var server = await SampleServer.Start(scenario);
    await server.Fix(); // serves instructor/fixes/SCENARIO.cs, as a learner who typed it would
    var verdict = await ExerciseCheck.Run(server, seed: 1);
    Console.WriteLine($"{scenario}: {verdict.Duration.TotalSeconds:0.0} s ({verdict.InputsCompared} inputs compared, passed: {verdict.Passed}; {verdict.Performance})");
}
