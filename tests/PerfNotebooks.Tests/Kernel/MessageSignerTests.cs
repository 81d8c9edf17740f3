using System.Text;
using PerfNotebooks.Kernel.Protocol;

namespace PerfNotebooks.Tests.Kernel;

public class MessageSignerTests
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("{\"msg_id\":\"1\"}");
    private static readonly byte[] Empty = Encoding.UTF8.GetBytes("{}");

    [Fact]
    public void Signature_is_hmac_sha256_hex_over_the_four_parts()
    {
        var signer = new MessageSigner("secret");
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("secret"));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash([.. Header, .. Empty, .. Empty, .. Empty]));

        Assert.Equal(expected, signer.Sign(Header, Empty, Empty, Empty));
    }

    [Fact]
    public void Verify_rejects_a_signature_made_with_another_key()
    {
        var forged = new MessageSigner("other").Sign(Header, Empty, Empty, Empty);

        Assert.False(new MessageSigner("secret").Verify(forged, Header, Empty, Empty, Empty));
    }

    [Fact]
    public void Empty_key_disables_signing_as_jupyter_specifies()
    {
        var signer = new MessageSigner("");

        Assert.Equal("", signer.Sign(Header, Empty, Empty, Empty));
        Assert.True(signer.Verify("", Header, Empty, Empty, Empty));
    }
}
