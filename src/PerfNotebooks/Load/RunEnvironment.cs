using System.Reflection;
using System.Runtime.InteropServices;

namespace PerfNotebooks.Load;

/// <summary>Where a measurement was taken, so results from different machines are never mixed up silently.</summary>
public sealed record RunEnvironment(int Cores, string Os, string Dotnet, string Tool, string Machine)
{
    public static RunEnvironment Current { get; } = new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        "perfnb " + (typeof(RunEnvironment).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0"),
        Environment.MachineName);
}
