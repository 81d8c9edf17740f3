using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PerfNotebooks.SampleServers;
using PerfNotebooks.SampleServers.Common;
using PerfNotebooks.SampleServers.Database;
using PerfNotebooks.SampleServers.Exercises;
using Prometheus;

// Exit codes as perfnb: 0 stopped cleanly, 1 could not run (database unreachable), 2 bad arguments.
ServerOptions options;
PerfNotebooks.SampleServers.Interview.InterviewDisguise? disguise = null;
try
{
    // Interview mode: the scenario comes on stdin, so no command line or environment names it.
    if (Environment.GetEnvironmentVariable(PerfNotebooks.SampleServers.Interview.InterviewDisguise.Variable) == "1")
    {
        disguise = PerfNotebooks.SampleServers.Interview.InterviewDisguise.Parse(Console.In.ReadLine());
        args = [disguise.Scenario, .. args];
    }

    options = ServerOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"sample-server: {e.Message}");
    return 2;
}

SampleDatabase database;
try
{
    database = await SampleDatabase.Create(options, CancellationToken.None);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"sample-server: {e.Message}");
    return 2;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"sample-server: {e.Message}");
    return 1;
}

await using (database)
{
    var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
    builder.Logging.ClearProviders();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    // stdout carries only the ready line; everything else goes to stderr.
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.WebHost.ConfigureKestrel(kestrel =>
    {
        kestrel.Listen(IPAddress.Loopback, options.Port);
        // Long query strings reach our validation (a JSON 400 naming the parameter) instead of Kestrel's bare 414.
        kestrel.Limits.MaxRequestLineSize = 2 * RequestGuard.MaxQueryStringLength;
        kestrel.Limits.MaxRequestHeadersTotalSize = 3 * RequestGuard.MaxQueryStringLength;
    });
    // Created up front: an EventSource that does not exist yet cannot be enabled by a profiler attaching later.
    _ = DataEventSource.Log;
    var bug = new BugSwitch(options.Scenario, hidden: disguise is not null);
    var exercise = ScenarioCatalog.Exercise(options.Scenario);
    if (disguise is not null)
    {
        exercise.Rename(PerfNotebooks.SampleServers.Interview.InterviewDisguise.FileName);
    }

    var key = new ExerciseKey();
    ServerMetrics.BugFixed.Set(0);
    builder.Services.AddSingleton(bug);
    builder.Services.AddSingleton(exercise);
    builder.Services.AddSingleton(key);
    builder.Services.AddSingleton(database);

    var app = builder.Build();
    app.UseRouting();
    app.UseHttpMetrics();
    app.UseMiddleware<RequestGuard>();
    if (disguise is not null)
    {
        // Only one scenario sets it, so in an interview the header alone would name the bug.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Remove(PerfNotebooks.SampleServers.AllocationHeavy.AllocationHeavyScenario.AllocatedBytesHeader);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    app.MapGet("/health", () => Results.Ok(new { status = "ok", scenario = bug.Scenario, mode = bug.Mode, db = database.Provider }));
    app.MapMetrics();
    AdminEndpoints.Map(app);
    DebugEndpoints.Map(app);
    ScenarioCatalog.Map(exercise, app, disguise?.Path);

    try
    {
        await app.StartAsync();
    }
    catch (IOException e)
    {
        Console.Error.WriteLine($"sample-server: cannot listen on 127.0.0.1:{options.Port} ({e.Message}); choose another --port or 0 for any free one");
        return 1;
    }

    ParentWatch.Start(app.Lifetime);
    app.Lifetime.ApplicationStopped.Register(ExerciseCompiler.DeleteSymbols);
    var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    using var self = Process.GetCurrentProcess();
    var readyMs = (DateTime.Now - self.StartTime).TotalMilliseconds;

    // The one line launchers wait for: URL first, then key=value facts. The exercise key travels only here, on the
    // launcher's pipe: a command line or environment would show it to other local users.
    static string Ms(double ms) => ms.ToString("0", CultureInfo.InvariantCulture);
    Console.Out.WriteLine(PerfNotebooks.Servers.ReadyLine.Format(new Uri(url), Environment.ProcessId,
    [
        new("scenario", bug.Scenario), new("mode", bug.Mode), new("db", database.Provider),
        new("users", database.Users.ToString(CultureInfo.InvariantCulture)), new("orders", database.Orders.ToString(CultureInfo.InvariantCulture)),
        new("seed_ms", Ms(database.SeedTime.TotalMilliseconds)), new("seed_cpu_ms", Ms(database.SeedCpuTime.TotalMilliseconds)),
        new("ready_ms", Ms(readyMs)), new("runtime", "dotnet"), new("runtime_version", Environment.Version.ToString()), new("exercise", exercise.FileName), new("exercise_key", key.Value),
    ]));
    Console.Out.Flush();

    await app.WaitForShutdownAsync();
}

return 0;
