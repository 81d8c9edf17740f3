using PerfNotebooks.Cli;

namespace PerfNotebooks.Tests.Hub;

/// <summary>perfnb's TMPDIR on a shared host: a folder only its user can enter.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PrivateTempTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Fact]
    public void A_shared_temp_folder_gets_a_private_one_named_for_the_user_inside_it()
    {
        var shared = Shared();

        var chosen = PrivateTemp.Choose(shared, runtimeDir: null, user: "ada");

        Assert.Equal(Path.Combine(shared, "perfnb-ada"), chosen);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(chosen));
        Assert.Equal(chosen, PrivateTemp.Choose(shared, runtimeDir: null, user: "ada"));
    }

    [Fact]
    public void A_name_someone_else_made_first_is_not_used()
    {
        var shared = Shared();
        var planted = Directory.CreateDirectory(Path.Combine(shared, "perfnb-ada")).FullName;
        File.SetUnixFileMode(planted, (UnixFileMode)0b111_111_111);

        var chosen = PrivateTemp.Choose(shared, runtimeDir: null, user: "ada");

        Assert.NotEqual(planted, chosen);
        Assert.StartsWith(Path.Combine(shared, "perfnb-ada-"), chosen, StringComparison.Ordinal);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(chosen));
    }

    [Fact]
    public void A_temp_folder_nobody_else_can_write_is_kept()
    {
        var own = Directory.CreateTempSubdirectory("perfnb-own-").FullName;

        Assert.Equal(own, PrivateTemp.Choose(own, runtimeDir: null, user: "ada"));
    }

    [Fact]
    public void The_users_runtime_folder_is_preferred_to_a_shared_temp_folder()
    {
        var runtime = Directory.CreateTempSubdirectory("perfnb-runtime-").FullName;

        Assert.Equal(Path.Combine(runtime, "perfnb-ada"), PrivateTemp.Choose(Shared(), runtime, "ada"));
    }

    /// <summary>A folder like /tmp: everyone may write, sticky.</summary>
    private static string Shared()
    {
        var folder = Directory.CreateTempSubdirectory("perfnb-shared-").FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)0b1_111_111_111);
        return folder;
    }
}
