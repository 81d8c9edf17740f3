using System.Security.Cryptography;
using System.Text;

namespace PerfNotebooks.SampleServers.Exercises;

/// <summary>
/// The per-server secret that code submissions must carry. Created at start and handed to the launcher on the ready
/// line (stdout, a pipe only the parent reads), never on the command line where other local users could see it.
/// </summary>
internal sealed class ExerciseKey
{
    public const string Header = "X-Exercise-Key";

    public string Value { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(Value));
}
