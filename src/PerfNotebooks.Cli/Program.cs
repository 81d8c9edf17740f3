using PerfNotebooks.Cli;

// Before anything reads the temp path (the diagnostics client caches it): a shared host's /tmp is everyone's.
if (!OperatingSystem.IsWindows())
{
    PrivateTemp.Apply();
}

PerfNotebooks.Cli.Commands.LoadCommand.UseInlineSocketCompletions(args);
return await PerfnbApp.RunAsync(args);
