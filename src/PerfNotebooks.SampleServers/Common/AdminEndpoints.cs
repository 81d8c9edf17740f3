namespace PerfNotebooks.SampleServers.Common;

/// <summary>/admin: flip the bug on or off at run time, read the mode, stop the server. Loopback callers only.</summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/admin").Guard("admin");

        admin.MapGet("/mode", (BugSwitch bug) => Mode(bug));
        admin.MapPost("/fix", (BugSwitch bug) => Set(bug, isFixed: true));
        admin.MapPost("/break", (BugSwitch bug) => Set(bug, isFixed: false));
        admin.MapPost("/stop", (IHostApplicationLifetime lifetime) =>
        {
            lifetime.StopApplication();
            return Results.Accepted();
        });
    }

    private static IResult Set(BugSwitch bug, bool isFixed)
    {
        bug.IsFixed = isFixed;
        ServerMetrics.BugFixed.Set(isFixed ? 1 : 0);
        return Mode(bug);
    }

    private static IResult Mode(BugSwitch bug) => Results.Ok(new { scenario = bug.Scenario, mode = bug.Mode });
}
