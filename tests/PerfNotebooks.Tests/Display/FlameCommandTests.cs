using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Display;

public class FlameCommandTests
{
    [Fact]
    public async Task Flame_writes_an_offline_interactive_html_page()
    {
        var dir = Directory.CreateTempSubdirectory("perfnb-flame-");
        try
        {
            var stacks = Path.Combine(dir.FullName, "stacks.txt");
            File.WriteAllText(stacks, "Main;Parse 3\nMain;Query 7\n");
            var html = Path.Combine(dir.FullName, "cpu.html");

            var result = await CliRunner.Run("flame", stacks, "--out", html, "--title", "CPU");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("4 frames, 10 samples", result.Stdout);
            var page = File.ReadAllText(html);
            Assert.Contains("fg-search", page);
            OfflineHtml.AssertOffline(page);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Flame_writes_svg_when_the_output_ends_in_svg()
    {
        var dir = Directory.CreateTempSubdirectory("perfnb-flame-");
        try
        {
            var stacks = Path.Combine(dir.FullName, "stacks.txt");
            File.WriteAllText(stacks, "Main;Parse 3\n");
            var svg = Path.Combine(dir.FullName, "cpu.svg");

            var result = await CliRunner.Run("flame", stacks, "-o", svg, "--icicle");

            Assert.Equal(0, result.ExitCode);
            Assert.StartsWith("<svg", File.ReadAllText(svg));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Flame_exits_2_naming_a_missing_stacks_file()
    {
        var result = await CliRunner.Run("flame", "/nonexistent/stacks.txt", "--out", "x.html");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/stacks.txt", result.Stderr);
    }

    [Fact]
    public async Task Flame_exits_2_for_an_output_that_is_not_html_or_svg()
    {
        var stacks = Path.GetTempFileName();
        try
        {
            File.WriteAllText(stacks, "a 1\n");

            var result = await CliRunner.Run("flame", stacks, "--out", "graph.png");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("must end in .html or .svg", result.Stderr);
        }
        finally
        {
            File.Delete(stacks);
        }
    }
}
