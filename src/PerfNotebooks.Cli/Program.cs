using PerfNotebooks.Cli;

return await PerfnbApp.RunAsync(args);
