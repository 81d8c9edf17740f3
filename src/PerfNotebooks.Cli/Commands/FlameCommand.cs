using System.CommandLine;
using System.Globalization;
using System.Text;
using PerfNotebooks.Display;

namespace PerfNotebooks.Cli.Commands;

/// <summary>`perfnb flame stacks.txt --out cpu.html`: a flame graph (interactive HTML or static SVG) from collapsed stacks.</summary>
internal static class FlameCommand
{
    internal static Command Create()
    {
        var input = new Argument<FileInfo>("stacks") { Description = "Collapsed stacks: one 'frame;frame;frame <count>' per line (flamegraph.pl format)." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "Where to write: .html (interactive, offline) or .svg (static).", Required = true };
        var title = new Option<string>("--title") { Description = "Title shown above the graph.", DefaultValueFactory = _ => "Flame graph" };
        var icicle = new Option<bool>("--icicle") { Description = "Root at the top, callees below." };
        var width = new Option<int>("--width") { Description = "SVG width in pixels.", DefaultValueFactory = _ => 1200 };
        var command = new Command("flame", "Draw a flame graph from collapsed stacks, as offline interactive HTML or static SVG.")
        {
            input, output, title, icicle, width,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var source = p.GetValue(input)!;
            var target = p.GetValue(output)!;
            if (!source.Exists)
            {
                throw new BadInputException($"Stacks file '{source.FullName}' does not exist; pass a collapsed-stacks text file.");
            }

            var extension = target.Extension.ToLowerInvariant();
            if (extension is not (".html" or ".htm" or ".svg"))
            {
                throw new BadInputException($"Output '{target.Name}' must end in .html or .svg.");
            }

            var root = FlameNode.FromCollapsed(await File.ReadAllTextAsync(source.FullName, ct));
            var graph = new FlameGraph(root, p.GetValue(title)!, p.GetValue(icicle));
            if (extension == ".svg")
            {
                var svg = graph.ToSvg(p.GetValue(width));
                SafeFile.WriteText(target.FullName, svg);
            }
            else
            {
                new HtmlReport(graph.Title).AddValue(graph).Save(target.FullName);
            }

            p.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {target.FullName}: {root.Count():#,0} frames, {root.Total:#,0.##} samples"));
            return 0;
        });
        return command;
    }
}
