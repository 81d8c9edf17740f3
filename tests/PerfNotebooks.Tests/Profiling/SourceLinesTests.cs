using PerfNotebooks.Profiling;
using PerfNotebooks.Profiling.Lines;
using PerfNotebooks.Servers;

namespace PerfNotebooks.Tests.Profiling;

/// <summary>The line report (profile.Lines) and the IL-offset step under it, on known costs: no process, no trace.</summary>
public class SourceLinesTests
{
    private const string Code = "static class Work\n{\n    static int Sum(int n)\n    {\n        var s = 0;\n        for (var i = 0; i < n; i++) s += i;\n        return s;\n    }\n}\n";

    private static Profile WithLines(params LineCost[] costs) =>
        new(1, 1, new CallTreeNode("all"), new CallTreeNode("all"), [], 0, null, string.Empty)
        {
            LineData = new ProfiledLines(costs, new Dictionary<string, string> { ["Work.cs"] = Code }, 200),
        };

    [Fact]
    public void Text_report_puts_each_sampled_line_s_own_and_total_share_in_the_gutter_and_leaves_other_lines_blank()
    {
        var lines = WithLines(new LineCost("Work.cs", 6, 150, 150, 75, 75), new LineCost("Work.cs", 3, 2, 160, 1, 80)).Lines(new ExerciseCode("Work.cs", Code));

        var text = lines.ToString().Split('\n');

        Assert.Equal("    75%     75%  6          for (var i = 0; i < n; i++) s += i;", text.Single(l => l.Contains("for (var i", StringComparison.Ordinal)));
        Assert.Equal("   1.0%     80%  3      static int Sum(int n)", text.Single(l => l.Contains("Sum(", StringComparison.Ordinal)));
        Assert.Equal(new string(' ', 17) + "5          var s = 0;", text.Single(l => l.Contains("var s", StringComparison.Ordinal)));
        Assert.Equal(6, lines.Top!.Line);
        Assert.Null(lines.Note);
    }

    [Fact]
    public void Html_report_shades_the_hot_line_and_shows_its_share_beside_the_highlighted_code()
    {
        var html = WithLines(new LineCost("Work.cs", 6, 150, 150, 75, 75)).Lines(new ExerciseCode("Work.cs", Code)).ToHtml();

        Assert.Contains("background:rgba(230,80,40,0.58)\">75%</td>", html, StringComparison.Ordinal);
        Assert.Contains("<span style=\"color:#d73a49\">for</span>", html, StringComparison.Ordinal);
        Assert.Equal(9, html.Split("<tr>").Length - 1);
    }

    [Fact]
    public void Lines_of_other_code_than_the_profiled_version_show_the_profiled_text_and_say_so()
    {
        var original = Code.Replace("var s = 0;", "var s = 0; // original", StringComparison.Ordinal);

        var lines = WithLines(new LineCost("Work.cs", 6, 150, 150, 75, 75)).Lines(new ExerciseCode("Work.cs", original));

        Assert.Equal(Code.TrimEnd('\n').Split('\n'), lines.Text);
        Assert.Contains("is not the code given", lines.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_of_exercise_code_that_was_not_on_cpu_say_so_with_an_empty_gutter()
    {
        var lines = WithLines(new LineCost("Other.cs", 3, 150, 150, 75, 75)).Lines(new ExerciseCode("Work.cs", Code));

        Assert.Null(lines.Top);
        Assert.StartsWith("no CPU sample was on a line of Work.cs", lines.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("%", string.Join('\n', lines.ToString().Split('\n').Skip(3)), StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_of_a_file_without_samples_names_the_files_that_have_some()
    {
        var error = Assert.Throws<BadInputException>(() => WithLines(new LineCost("Work.cs", 6, 150, 150, 75, 75)).Lines("Other.cs"));

        Assert.Equal("no samples in a file named 'Other.cs'; files with samples: Work.cs.", error.Message);
    }

    [Fact]
    public void Lines_of_a_profile_without_eventpipe_line_data_says_what_gives_lines()
    {
        var profile = new Profile(0, 1, new CallTreeNode("all"), new CallTreeNode("all"), [], 0, null, null, source: "import:folded");

        var error = Assert.Throws<BadInputException>(() => profile.Lines());

        Assert.StartsWith("this profile came from import:folded; source lines need an EventPipe profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_summary_lists_the_hot_lines_with_their_text()
    {
        var html = WithLines(new LineCost("Work.cs", 6, 150, 150, 75, 75)).ToHtml();

        Assert.Contains("Hot lines of the app&#39;s code", html, StringComparison.Ordinal);
        Assert.Contains("Work.cs:6", html, StringComparison.Ordinal);
        Assert.Contains("for (var i = 0; i &lt; n; i++) s += i;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hot lines", WithLines().ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_json_lists_the_hot_lines()
    {
        using var json = System.Text.Json.JsonDocument.Parse(WithLines(new LineCost("Work.cs", 6, 150, 150, 75, 75)).ToJson());

        var line = Assert.Single(json.RootElement.GetProperty("hot_lines").EnumerateArray());
        Assert.Equal("Work.cs", line.GetProperty("file").GetString());
        Assert.Equal(6, line.GetProperty("line").GetInt32());
        Assert.Equal(75, line.GetProperty("own_pct").GetDouble());
    }

    [Theory]
    [InlineData(0u, -1)] // the prolog has no IL offset
    [InlineData(0x10u, 0)]
    [InlineData(0x1Fu, 0)]
    [InlineData(0x20u, 7)]
    [InlineData(0x35u, 7)] // the epilog (negative) keeps the last IL offset before it
    public void Native_offset_maps_to_the_il_offset_its_stretch_of_code_was_compiled_from(uint native, int il)
    {
        var body = new NativeCodeMap.Body(1, 1, 0x1000, 0x40, 0x06000001) { Map = [(0, -2), (0x10, 0), (0x20, 7), (0x30, -3)] };

        Assert.Equal(il, body.ILOffset(native));
    }
}
