using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.Common;

/// <summary>
/// Wraps every request: rejects over-long query strings with a JSON 400, counts the request's database round trips
/// (X-Db-Queries header and a histogram by route), and turns pool exhaustion into a JSON 503.
/// </summary>
internal sealed class RequestGuard(RequestDelegate next, ILogger<RequestGuard> logger)
{
    public const int MaxQueryStringLength = 128 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.Value is { Length: > MaxQueryStringLength } query)
        {
            await ApiError.BadRequest("query string", $"query string: {query.Length} characters, at most {MaxQueryStringLength}")
                .ExecuteAsync(context);
            return;
        }

        var queries = QueryCount.BeginRequest();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["X-Db-Queries"] = Volatile.Read(ref queries.Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        catch (PoolExhaustedException e) when (!context.Response.HasStarted)
        {
            logger.LogWarning("{Path}: {Message}", context.Request.Path, e.Message);
            await Results.Json(new ApiError(e.Message), statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            ServerMetrics.DbQueriesPerRequest.WithLabels(route).Observe(Volatile.Read(ref queries.Value));
        }
    }
}
