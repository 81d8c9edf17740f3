using System.Text.Json.Nodes;
using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>Collects a cell's outputs in nbformat shape, as a Jupyter client would record them.</summary>
internal sealed class NotebookOutputs(Action<string, string>? echo) : ICellOutput
{
    private readonly Lock _gate = new();

    // clear_output(wait: true) empties the cell when its next output arrives, as nbclient records it.
    private bool _clearBeforeNext;

    public JsonArray Outputs { get; } = [];

    public void ClearOutput(bool wait)
    {
        lock (_gate)
        {
            _clearBeforeNext = wait;
            if (!wait)
            {
                Outputs.Clear();
            }
        }
    }

    /// <summary>Called under the gate before a new output (not an update) is added.</summary>
    private void ClearIfPending()
    {
        if (_clearBeforeNext)
        {
            _clearBeforeNext = false;
            Outputs.Clear();
        }
    }

    public void Stream(string name, string text)
    {
        echo?.Invoke(name, text);
        lock (_gate)
        {
            ClearIfPending();

            // Consecutive text on one stream is one output, as nbclient stores it.
            if (Outputs.Count > 0 && Outputs[^1] is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
            {
                last["text"] = (string?)last["text"] + text;
                return;
            }

            Outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = text });
        }
    }

    public void Display(MimeBundle bundle, string displayId, bool update)
    {
        lock (_gate)
        {
            if (update)
            {
                // Replace every earlier output with this display id, as update_display_data does in Jupyter.
                foreach (var output in Outputs.OfType<JsonObject>().Where(o => (string?)o["transient_display_id"] == displayId || (string?)o["metadata"]?["perfnb_display_id"] == displayId))
                {
                    output["data"] = bundle.Data.DeepClone();
                }

                return;
            }

            ClearIfPending();
            var metadata = (JsonObject)bundle.Metadata.DeepClone();
            metadata["perfnb_display_id"] = displayId;
            Outputs.Add(new JsonObject { ["output_type"] = "display_data", ["data"] = bundle.Data.DeepClone(), ["metadata"] = metadata });
        }
    }

    /// <summary>A headless run has nobody to ask; the cell gets a clear error (<see cref="CellInput"/>) instead of waiting.</summary>
    public string? RequestInput(string prompt, bool password) => null;

    public void Result(CellResult result)
    {
        lock (_gate)
        {
            if (result.Value is not null || result.Error is not null)
            {
                ClearIfPending();
            }

            if (result.Value is { } value)
            {
                Outputs.Add(new JsonObject
                {
                    ["output_type"] = "execute_result",
                    ["execution_count"] = result.ExecutionCount,
                    ["data"] = value.Data.DeepClone(),
                    ["metadata"] = value.Metadata.DeepClone(),
                });
            }

            if (result.Error is { } error)
            {
                Outputs.Add(new JsonObject
                {
                    ["output_type"] = "error",
                    ["ename"] = error.Name,
                    ["evalue"] = error.Value,
                    ["traceback"] = new JsonArray([.. error.Traceback.Select(t => (JsonNode?)JsonValue.Create(t))]),
                });
            }
        }
    }
}
