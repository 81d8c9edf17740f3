using System.CommandLine;
using PerfNotebooks.Cli.Commands;

namespace PerfNotebooks.Cli;

/// <summary>The `perfnb` command tree and its exit-code contract: 0 ok, 1 the work failed, 2 bad usage.</summary>
internal static class PerfnbApp
{
    public const int Ok = 0;
    public const int WorkFailed = 1;
    public const int BadUsage = 2;

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "PerfNotebooks: performance-analysis workbooks in C#: resume claims, sample servers, load, profiling, notebooks.");
        foreach (var command in CommandCatalog.All())
        {
            root.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var root = BuildRoot();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, naming what was wrong and how to get help; the full help is one flag away.
            var command = string.Join(' ', new[] { "perfnb" }.Concat(CommandPath(parse)));
            var message = parse.UnmatchedTokens.Count > 0
                ? $"unknown command or argument '{parse.UnmatchedTokens[0]}'"
                : parse.Errors[0].Message.TrimEnd('.');
            stderr.WriteLine($"perfnb: {message} (see '{command} --help')");
            return BadUsage;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (KernelCommand.HandlesItsOwnSignals(parse))
        {
            // SIGINT interrupts a kernel's cell; System.CommandLine would instead end the process 2 s later (exit 130).
            config.ProcessTerminationTimeout = null;
        }

        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (BadInputException e)
        {
            stderr.WriteLine($"perfnb: {e.Message}");
            return BadUsage;
        }
        catch (WorkFailedException e)
        {
            stderr.WriteLine($"perfnb: {e.Message}");
            return WorkFailed;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("perfnb: cancelled.");
            return WorkFailed;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return names;
    }
}
