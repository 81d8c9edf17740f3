using System.CommandLine;

namespace PerfNotebooks.Cli.Commands;

/// <summary>Every sub-command of perfnb, one file each; add a new command here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        ClaimsCommand.Create(),
    ];
}
