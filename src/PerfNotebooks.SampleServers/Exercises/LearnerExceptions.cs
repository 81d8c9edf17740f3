using PerfNotebooks.SampleServers.Database;

namespace PerfNotebooks.SampleServers.Exercises;

/// <summary>
/// Wraps a scenario's endpoints: an exception thrown while a replaced version of the exercise is served is the
/// learner's bug, so it answers 500 with their exception and the stack frames of their file, and the server goes on.
/// </summary>
internal static class LearnerExceptions
{
    /// <summary>A request carrying this header (and the key) is answered by the reference kept beside the served code.</summary>
    public const string ReferenceHeader = "X-Exercise-Reference";

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var exercise = context.HttpContext.RequestServices.GetRequiredService<Exercise>();
        if (context.HttpContext.Request.Headers[ReferenceHeader].Count > 0)
        {
            if (!context.HttpContext.RequestServices.GetRequiredService<ExerciseKey>().Matches(context.HttpContext.Request.Headers[ExerciseKey.Header].FirstOrDefault()))
            {
                return Results.Json(new Common.ApiError($"{ReferenceHeader} needs the server's key in {ExerciseKey.Header}"), statusCode: StatusCodes.Status403Forbidden);
            }

            Exercise.AskReference();
        }

        if (!exercise.IsReplaced)
        {
            return await next(context);
        }

        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not PoolExhaustedException && !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var hidden = context.HttpContext.RequestServices.GetRequiredService<BugSwitch>().Hidden;
            var frames = (e.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries)
                .Where(l => l.Contains(exercise.FileName, StringComparison.Ordinal))
                .Select(l => hidden ? Interview.InterviewDisguise.Hide(l, exercise.Namespace) : l).ToList();
            return Results.Json(
                new { error = "the exercise code threw", file = exercise.FileName, exception = e.GetType().FullName, message = e.Message, stack = frames },
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}
