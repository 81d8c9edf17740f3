using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.Common;

/// <summary>/admin: read the mode, read or replace the exercise code, stop the server. Loopback callers only; changing the code and stopping also need the server's key.</summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/admin").Guard("admin");

        admin.MapGet("/mode", (BugSwitch bug) => Results.Ok(new { scenario = bug.Scenario, mode = bug.Mode }));
        ExerciseEndpoints.Map(admin);
        admin.MapPost("/stop", (HttpRequest request, ExerciseKey key, IHostApplicationLifetime lifetime) =>
        {
            // Another local user can reach our loopback port: only the launcher, which read the key, may stop us.
            if (!key.Matches(request.Headers[ExerciseKey.Header].FirstOrDefault()))
            {
                return Results.Json(new ApiError($"stopping the server needs its key in the {ExerciseKey.Header} header (from its ready line)"), statusCode: StatusCodes.Status403Forbidden);
            }

            lifetime.StopApplication();
            return Results.Accepted();
        });
    }
}
