using PerfNotebooks.Load;
using PerfNotebooks.Profiling;
using PerfNotebooks.Tests.Fixtures;
using Xunit.Abstractions;
using LoadRunner = PerfNotebooks.Load.Load;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>
/// A profile of a sample server whose learner code a cell served: the CPU samples land on the lines of that code,
/// from EventPipe's IL-to-native maps and the PDB the server compiled with it.
/// </summary>
[Collection(ProfilingSessions.Name)]
[Trait("Category", "Live")]
public class SourceLineProfileTests(CpuHotspotServer fixture, ITestOutputHelper output) : IClassFixture<CpuHotspotServer>
{
    // The learner's version: the original's loop, moved down three lines by a comment, so the lines can only
    // come from the code that was served, not from the file compiled into the server.
    private static string Learner(string original) =>
        original.Replace("internal static class PrimeCount", "// My version: trial division, as before.\n// (these comment lines move the loop\n// three lines down)\ninternal static class PrimeCount", StringComparison.Ordinal);

    [Fact]
    public async Task Top_line_of_served_learner_code_is_in_its_hot_loop()
    {
        var server = fixture.Server;
        var learner = Learner(server.Code.Source);
        var served = await server.Serve(learner);
        Assert.Equal(200, served.FirstStatus);
        try
        {
            var profile = await ProfileUnderLoad();
            var lines = profile.Lines(server.Code);
            output.WriteLine(lines.ToString());

            var text = learner.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
            var loopFirst = Array.FindIndex(text, l => l.Contains("for (var j = 2", StringComparison.Ordinal)) + 1;
            var loopLast = Array.FindIndex(text, loopFirst, l => l.Contains("break;", StringComparison.Ordinal)) + 3;
            Assert.True(lines.Top is not null, $"no line of PrimeCount.cs had samples; hot lines: {string.Join(", ", profile.HotLines.Take(5))}\n{profile.ToTable(8)}");
            Assert.InRange(lines.Top.Line, loopFirst, loopLast);
            Assert.Equal(text, lines.Text);
            Assert.NotNull(lines.Note);
            Assert.Contains(lines.Top.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "  ", lines.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await server.Reset();
        }
    }

    [Fact]
    public async Task Top_line_of_the_original_code_is_in_its_hot_loop()
    {
        var server = fixture.Server;
        await server.Reset();

        var profile = await ProfileUnderLoad();
        var lines = profile.Lines(server.Code);
        output.WriteLine(lines.ToString());

        var text = server.Code.Lines;
        var loopFirst = text.ToList().FindIndex(l => l.Contains("for (var j = 2", StringComparison.Ordinal)) + 1;
        var loopLast = text.ToList().FindIndex(loopFirst, l => l.Contains("break;", StringComparison.Ordinal)) + 3;
        Assert.True(lines.Top is not null, $"no line of PrimeCount.cs had samples; hot lines: {string.Join(", ", profile.HotLines.Take(5))}\n{profile.ToTable(8)}");
        Assert.InRange(lines.Top.Line, loopFirst, loopLast);
        Assert.Null(lines.Note);
    }

    private async Task<Profile> ProfileUnderLoad()
    {
        var server = fixture.Server;
        var sampling = Profiler.Attach(server.Pid).Sample(TimeSpan.FromSeconds(4));
        var load = await LoadRunner.Run(server.UrlFor("/cpu-intense?limit=200000").ToString(), new LoadOptions { Connections = 2, Duration = TimeSpan.FromSeconds(4) }, progress: null);
        Assert.True(load.Requests > 0, "the load reached no server");
        return await sampling;
    }
}
