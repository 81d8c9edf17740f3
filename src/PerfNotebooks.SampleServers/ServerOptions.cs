using System.Globalization;

namespace PerfNotebooks.SampleServers;

/// <summary>The server's command line: which bug, which mode, where to listen, which database.</summary>
internal sealed record ServerOptions(
    string Scenario,
    int Port,
    string Database,
    TimeSpan DbLatency,
    int PoolSize,
    TimeSpan PoolTimeout)
{
    public const string Usage =
        "usage: PerfNotebooks.SampleServers SCENARIO [--port N] [--db sqlite|postgres://...] [--db-latency 2ms] [--pool-size 16] [--pool-timeout 2s]";

    /// <summary>Parses the arguments; bad input throws <see cref="ArgumentException"/> with a one-line message.</summary>
    public static ServerOptions Parse(IReadOnlyList<string> args)
    {
        string? scenario = null;
        var port = 0;
        var database = "sqlite";
        var latency = TimeSpan.Zero;
        var poolSize = 16;
        var poolTimeout = TimeSpan.FromSeconds(2);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--fixed":
                    throw new ArgumentException("--fixed: the server serves its exercise file; a fix is code sent to POST /admin/exercise (perfnb serve --fixed does that)");
                case "--scenario":
                    scenario = Value(args, ref i);
                    break;
                case "--port":
                    port = Integer(arg, Value(args, ref i), 0, 65535);
                    break;
                case "--db":
                    database = Value(args, ref i);
                    break;
                case "--db-latency":
                    latency = ParseDuration(arg, Value(args, ref i));
                    break;
                case "--pool-size":
                    poolSize = Integer(arg, Value(args, ref i), 1, 1000);
                    break;
                case "--pool-timeout":
                    poolTimeout = ParseDuration(arg, Value(args, ref i));
                    break;
                default:
                    if (arg.StartsWith('-') || scenario is not null)
                    {
                        throw new ArgumentException($"unknown argument '{arg}'; {Usage}");
                    }

                    scenario = arg;
                    break;
            }
        }

        if (scenario is null)
        {
            throw new ArgumentException($"no scenario given; choose one of: {string.Join(", ", ScenarioCatalog.Names)}");
        }

        if (!ScenarioCatalog.Names.Contains(scenario))
        {
            throw new ArgumentException($"unknown scenario '{scenario}'; choose one of: {string.Join(", ", ScenarioCatalog.Names)}");
        }

        if (poolTimeout < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"--pool-timeout '{poolTimeout.TotalMilliseconds}ms' is too short; give at least 1s");
        }

        return new ServerOptions(scenario, port, database, latency, poolSize, poolTimeout);
    }

    /// <summary>Reads the project's one duration syntax (PerfNotebooks.DurationText, compiled in), 0 to 60 s.</summary>
    public static TimeSpan ParseDuration(string name, string text) =>
        PerfNotebooks.DurationText.TryParse(text) is { } span && span <= TimeSpan.FromSeconds(60)
            ? span
            : throw new ArgumentException($"{name} '{text}' is not a duration between 0 and 60s; write {PerfNotebooks.DurationText.Syntax}");

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{args[i]} needs a value; {Usage}");
        }

        i++;
        return args[i];
    }

    private static int Integer(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} '{text}' must be a whole number from {min} to {max}");
        }

        return value;
    }
}
