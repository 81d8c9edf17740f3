using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Execution;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Kernel.Hosting;

/// <summary>complete_request, inspect_request and is_complete_request: questions about code not yet run.</summary>
internal sealed class CodeRequests(CodeAssistant assistant)
{
    public JsonObject IsComplete(JupyterMessage request)
    {
        var verdict = Completeness.Of(request.Text("code"));
        var reply = new JsonObject { ["status"] = verdict.Status };
        if (verdict.Indent is { } indent)
        {
            reply["indent"] = indent;
        }

        return reply;
    }

    public JsonObject Complete(JupyterMessage request)
    {
        var code = request.Text("code");
        var cursor = CursorToIndex(code, request.Number("cursor_pos", code.Length));
        var completions = assistant.CompleteAsync(code, cursor).GetAwaiter().GetResult();
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray([.. completions.Matches.Select(m => (JsonNode?)JsonValue.Create(m))]),
            ["cursor_start"] = IndexToCursor(code, completions.CursorStart),
            ["cursor_end"] = IndexToCursor(code, completions.CursorEnd),
            ["metadata"] = new JsonObject(),
        };
    }

    public JsonObject Inspect(JupyterMessage request)
    {
        var code = request.Text("code");
        var cursor = CursorToIndex(code, request.Number("cursor_pos", code.Length));
        var inspection = assistant.InspectAsync(code, cursor).GetAwaiter().GetResult();
        var data = new JsonObject();
        if (inspection is not null)
        {
            data["text/plain"] = inspection.Documentation is null ? inspection.Signature : inspection.Signature + "\n\n" + inspection.Documentation;
        }

        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = inspection is not null,
            ["data"] = data,
            ["metadata"] = new JsonObject(),
        };
    }

    // Jupyter counts cursor positions in Unicode code points; .NET strings index UTF-16 units.
    private static int CursorToIndex(string code, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < code.Length; seen++)
        {
            index += char.IsSurrogatePair(code, index) ? 2 : 1;
        }

        return index;
    }

    private static int IndexToCursor(string code, int index)
    {
        var points = 0;
        for (var i = 0; i < index && i < code.Length; i++)
        {
            if (!char.IsLowSurrogate(code[i]))
            {
                points++;
            }
        }

        return points;
    }
}
