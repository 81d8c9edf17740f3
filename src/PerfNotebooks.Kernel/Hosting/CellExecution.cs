using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Execution;
using PerfNotebooks.Kernel.History;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>execute_request: runs the cell, publishes its input, outputs and result on iopub, and replies on shell.</summary>
internal sealed class CellExecution(CSharpSession cells, IOPubChannel iopub, KernelSocket shell, StdinChannel stdin, Lazy<HistoryStore?> history, TextWriter log)
{
    public void Execute(JupyterMessage request)
    {
        var code = request.Text("code");
        var silent = request.Flag("silent", false);
        var storeHistory = !silent && request.Flag("store_history", true);
        _ = request.Flag("allow_stdin", false); // read now: a wrong type is refused before the cell runs, not when it asks for input
        iopub.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = cells.ExecutionCount + (storeHistory ? 1 : 0) });
        var output = new KernelCellOutput(iopub, request, (prompt, password) => stdin.Ask(request, prompt, password));
        var result = cells.ExecuteAsync(code, output, storeHistory).GetAwaiter().GetResult();
        if (result.Value is { } value && !silent)
        {
            iopub.Publish(request, "execute_result", new JsonObject
            {
                ["execution_count"] = result.ExecutionCount,
                ["data"] = value.Data.DeepClone(),
                ["metadata"] = value.Metadata.DeepClone(),
            });
        }

        Reply(request, result);

        // After the reply, so the user never waits for the disk; before the next message on this thread, so a
        // history_request sent right after the reply already sees the cell.
        if (storeHistory)
        {
            Remember(result.ExecutionCount, code, (string?)result.Value?.Data["text/plain"]);
        }
    }

    private void Reply(JupyterMessage request, CellResult result)
    {
        if (result.Status == CellStatus.Ok)
        {
            shell.Reply(request, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = result.ExecutionCount,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            });
            return;
        }

        var error = result.Error!;
        var errorContent = new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Value,
            ["traceback"] = new JsonArray([.. error.Traceback.Select(t => (JsonNode?)JsonValue.Create(t))]),
        };
        iopub.Publish(request, "error", (JsonObject)errorContent.DeepClone());
        errorContent["status"] = "error";
        errorContent["execution_count"] = result.ExecutionCount;
        shell.Reply(request, "execute_reply", errorContent);
    }

    private void Remember(int line, string code, string? output)
    {
        try
        {
            history.Value?.Add(line, code, output);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // A locked or full disk loses this entry, never the cell's result.
            log.WriteLine($"perfnb kernel: could not record cell {line} in the history: {e.Message}");
        }
    }
}
