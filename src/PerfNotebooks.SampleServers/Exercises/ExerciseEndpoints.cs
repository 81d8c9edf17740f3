using System.Text;
using PerfNotebooks.SampleServers.Common;

namespace PerfNotebooks.SampleServers.Exercises;

/// <summary>
/// /admin/exercise: read the scenario's exercise file (GET), serve a new version of it (POST, C# source as text/plain),
/// go back to the original (DELETE). Changing code needs the server's key; all of it answers loopback callers only.
/// </summary>
internal static class ExerciseEndpoints
{
    /// <summary>Larger than any honest rewrite of a one-page file, small enough that a flood costs nothing.</summary>
    public const int MaxSourceBytes = 64 * 1024;

    public static void Map(RouteGroupBuilder admin)
    {
        admin.MapGet("/exercise", (Exercise exercise, BugSwitch bug) =>
        {
            // Whoever reads the code is about to send a version of it: warm the compiler now (see ExerciseCompiler.Warm).
            ExerciseCompiler.Warm(exercise);
            return Results.Ok(Describe(exercise, bug));
        });
        admin.MapPost("/exercise", Serve);

        // What the served code really keeps: the checker's measure of a leak, free of garbage not yet collected.
        admin.MapGet("/exercise/heap", () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            return Results.Ok(new { heapBytes = GC.GetTotalMemory(forceFullCollection: true) });
        });
        admin.MapDelete("/exercise", (HttpRequest request, Exercise exercise, ExerciseKey key, BugSwitch bug) =>
        {
            if (Refuse(request, key) is { } refused)
            {
                return refused;
            }

            exercise.Reset();
            bug.Mode = exercise.Mode;
            return Results.Ok(Describe(exercise, bug));
        });
    }

    private static async Task<IResult> Serve(HttpRequest request, Exercise exercise, ExerciseKey key, BugSwitch bug, CancellationToken ct)
    {
        if (Refuse(request, key) is { } refused)
        {
            return refused;
        }

        if (request.ContentType is not { } type || !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new ApiError("send the C# source as the body with Content-Type: text/plain"), statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength is > MaxSourceBytes)
        {
            return TooLarge();
        }

        var label = request.Query["label"].ToString();
        if (label is not ("learner" or "fixed" or "reference" or "baseline"))
        {
            return ApiError.BadRequest("label", "label: learner, fixed, reference (kept beside the served code for the checker) or baseline (served as the original)");
        }

        var buffer = new byte[MaxSourceBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        if (read > MaxSourceBytes)
        {
            return TooLarge();
        }

        string source;
        try
        {
            source = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, read);
        }
        catch (DecoderFallbackException)
        {
            return Results.Json(new ApiError("the body is not UTF-8 text"), statusCode: StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            return Results.Json(new ApiError("the body is empty; send the whole exercise file"), statusCode: StatusCodes.Status400BadRequest);
        }

        CompiledExercise compiled;
        try
        {
            // A candidate's file is in the neutral namespace they were shown; the server's types are in the real one.
            compiled = ExerciseCompiler.Compile(exercise, bug.Hidden ? Interview.InterviewDisguise.Restore(source, exercise.Namespace) : source);
        }
        catch (ExerciseCompileException e)
        {
            return Results.Json(new { error = "the code does not compile", file = exercise.FileName, errors = e.Errors }, statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        if (label == "reference")
        {
            exercise.KeepReference(compiled);
            return Results.Ok(new { scenario = bug.Scenario, mode = bug.Mode, file = exercise.FileName, compileMs = compiled.CompileTime.TotalMilliseconds });
        }

        if (label == "baseline")
        {
            exercise.Rebase(compiled, source);
        }
        else
        {
            exercise.Serve(compiled, label);
            ServerMetrics.BugFixed.Set(label == "fixed" ? 1 : 0);
        }

        bug.Mode = exercise.Mode;
        return Results.Ok(new { scenario = bug.Scenario, mode = bug.Mode, file = exercise.FileName, compileMs = compiled.CompileTime.TotalMilliseconds });
    }

    private static object Describe(Exercise exercise, BugSwitch bug) => new
    {
        scenario = bug.Scenario,
        mode = bug.Mode,
        file = exercise.FileName,
        source = bug.Hidden ? Interview.InterviewDisguise.Show(exercise.Source, exercise.Namespace) : exercise.Source,
    };

    private static IResult? Refuse(HttpRequest request, ExerciseKey key) =>
        key.Matches(request.Headers[ExerciseKey.Header].FirstOrDefault())
            ? null
            : Results.Json(new ApiError($"changing the exercise code needs the server's key in the {ExerciseKey.Header} header (from its ready line)"), statusCode: StatusCodes.Status403Forbidden);

    private static IResult TooLarge() =>
        Results.Json(new ApiError($"the source is larger than {MaxSourceBytes / 1024} KB; send only the exercise file"), statusCode: StatusCodes.Status413PayloadTooLarge);
}
