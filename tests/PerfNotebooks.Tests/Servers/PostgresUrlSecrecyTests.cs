using PerfNotebooks.Tests.Fixtures;

namespace PerfNotebooks.Tests.Servers;

// A bad --db value is echoed back so the user sees what was wrong; its password must not be.
public sealed class PostgresUrlSecrecyTests
{
    [Theory]
    [InlineData("postgres://alice:s3cretPw@/perf")]
    [InlineData("host=127.0.0.1;Password=s3cretPw;Nonsense Key=1")]
    public async Task BadDbValueErrorNamesTheInputWithoutItsPassword(string text)
    {
        var result = await CliRunner.Run("serve", "n-plus-one", "--db", text);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Contains("--db", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cretPw", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }
}
