using System.Globalization;

namespace PerfNotebooks.Profiling;

/// <summary>N+1-like data access: many samples inside database command execution, called from app code.</summary>
public sealed class ChattyDatabaseRule : IFindingRule
{
    public string Name => "chatty-database";

    public Finding? Check(Profile profile)
    {
        var all = profile.Samples + profile.WaitingSamples;
        var cpu = StackQuery.Through(profile.Cpu, IsCommandExecute);
        var waiting = StackQuery.Through(profile.Waiting, IsCommandExecute);
        var samples = cpu.Samples + waiting.Samples;
        var caller = cpu.Samples >= waiting.Samples ? cpu.Caller ?? waiting.Caller : waiting.Caller ?? cpu.Caller;
        var share = all == 0 ? 0 : 100.0 * samples / all;
        var cpuShare = profile.Samples == 0 ? 0 : 100.0 * cpu.Samples / profile.Samples;
        // Needs volume as well as share: a mostly idle process whose few CPU samples fall in one query is fine.
        if (caller is null || !((cpuShare >= 20 && cpu.Samples >= 100) || share >= 10))
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        return new Finding(
            Name, $"Database calls dominate in {caller} (N+1-like)",
            $"{caller} spends its time executing database commands; many small queries (one per item) cost a round trip and command setup each.",
            [
                string.Create(c, $"{cpuShare:F0}% of CPU samples and {share:F0}% of all samples are inside DbCommand execution"),
                $"most of them are called from {caller}",
            ],
            $"fetch the data {caller} needs in one query (a join or WHERE id IN (...)) instead of one query per item.");
    }

    private static bool IsCommandExecute(string frame) =>
        frame.Contains("Command.Execute", StringComparison.Ordinal)
        && StackQuery.StartsWithAny(frame, "Microsoft.Data.Sqlite.", "Npgsql.", "Microsoft.Data.SqlClient.", "System.Data.", "MySqlConnector.");
}
