using PerfNotebooks.SampleServers.Exercises;

namespace PerfNotebooks.SampleServers.Common;

/// <summary>/admin: read the mode, read or replace the exercise code, stop the server. Loopback callers only.</summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                ? await next(context)
                : Results.Json(new ApiError("admin endpoints answer loopback callers only"), statusCode: StatusCodes.Status403Forbidden));

        admin.MapGet("/mode", (BugSwitch bug) => Results.Ok(new { scenario = bug.Scenario, mode = bug.Mode }));
        ExerciseEndpoints.Map(admin);
        admin.MapPost("/stop", (IHostApplicationLifetime lifetime) =>
        {
            lifetime.StopApplication();
            return Results.Accepted();
        });
    }
}
