using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.Common;

/// <summary>/admin: read the mode, read or replace the exercise code, stop the server. Loopback callers only.</summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/admin").Guard("admin");

        admin.MapGet("/mode", (BugSwitch bug) => Results.Ok(new { scenario = bug.Scenario, mode = bug.Mode }));
        ExerciseEndpoints.Map(admin);
        admin.MapPost("/stop", (IHostApplicationLifetime lifetime) =>
        {
            lifetime.StopApplication();
            return Results.Accepted();
        });
    }
}
