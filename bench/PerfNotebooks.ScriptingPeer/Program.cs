using System.Globalization;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

// The peer for the kernel's memory benchmark: bare Roslyn scripting (ScriptState.ContinueWithAsync, default
// options), running the same cells scripts/bench-kernel-memory.sh feeds our kernel, reporting the same figures.
var cells = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;
var every = Math.Max(1, cells / 3);
var state = await CSharpScript.RunAsync("var x0 = 0;", ScriptOptions.Default);
for (var i = 1; i <= cells; i++)
{
    state = await state.ContinueWithAsync(string.Create(CultureInfo.InvariantCulture, $"var x{i} = {i} * 2;\nx{i} + 1"));
    if (i % every == 0 || i == cells)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cell {i}: managed {GC.GetTotalMemory(true) / 1048576.0:F0} MiB, rss {Environment.WorkingSet / 1048576.0:F0} MiB"));
    }
}
