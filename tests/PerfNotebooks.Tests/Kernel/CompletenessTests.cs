using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Tests.Kernel;

/// <summary>is_complete: run it, keep typing, or an error no typing can fix.</summary>
public class CompletenessTests
{
    [Theory]
    [InlineData("var a = 1;")]
    [InlineData("x + 2")]
    [InlineData("if (true) { Console.WriteLine(1); }")]
    [InlineData("#r \"nuget: Humanizer, 2.14.1\"\nvar a = 1;")]
    [InlineData("")]
    public void Finished_code_is_complete(string code) => Assert.Equal("complete", Completeness.Of(code).Status);

    [Theory]
    [InlineData("if (true) {")]
    [InlineData("Console.WriteLine(")]
    [InlineData("var total = 1 +")]
    [InlineData("var s = @\"first line")]
    [InlineData("var s = \"\"\"\nraw")]
    [InlineData("/* a comment")]
    [InlineData("void Run()\n{\n    for (var i = 0; i < 3; i++)\n    {")]
    public void Code_that_more_typing_can_finish_is_incomplete(string code) => Assert.Equal("incomplete", Completeness.Of(code).Status);

    [Theory]
    [InlineData("int = 7q;")]
    [InlineData("var = ;;)")]
    [InlineData("int = 7q;\nif (true) {")]
    [InlineData("}")]
    public void Code_no_typing_can_fix_is_invalid(string code) => Assert.Equal("invalid", Completeness.Of(code).Status);

    [Theory]
    [InlineData("if (true) {", "    ")]
    [InlineData("void Run()\n{\n    for (var i = 0; i < 3; i++)\n    {", "        ")]
    [InlineData("Console.WriteLine(", "")]
    public void Incomplete_code_gets_the_indent_of_its_open_blocks(string code, string indent) =>
        Assert.Equal(indent, Completeness.Of(code).Indent);
}
