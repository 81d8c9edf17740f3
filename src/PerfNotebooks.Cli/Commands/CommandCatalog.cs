using System.CommandLine;

namespace PerfNotebooks.Cli.Commands;

/// <summary>Every sub-command of perfnb, one file each; add a new command here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        KernelCommand.Create(),
        RunCommand.Create(),
        ConvertCommand.Create(),
        LabCommand.Create(),
        WorkbookCommand.Create(),
        ServeCommand.Create(),
        ProfileCommand.Create(),
        LoadCommand.Create(),
        BenchCommand.Create(),
        FlameCommand.Create(),
        ClaimsCommand.Create(),
        InterviewCommand.Create(),
    ];
}
