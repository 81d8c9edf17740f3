using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// A real HTTPS (TLS over TCP) keep-alive server on 127.0.0.1 with a fresh self-signed certificate, like a
/// development server's. Every request gets 200 "ok".
/// </summary>
public sealed class TinyHttpsServer : IAsyncDisposable
{
    private static readonly byte[] Reply = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok");
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly X509Certificate2 certificate = SelfSigned();
    private readonly Task acceptLoop;
    private long requests;

    public TinyHttpsServer()
    {
        listener.Start(128);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public long Requests => Interlocked.Read(ref requests);

    public string Url(string path = "/") => $"https://127.0.0.1:{Port}{path}";

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping is what ends the loop.
        }

        certificate.Dispose();
        stop.Dispose();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on Linux.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var socket = await listener.AcceptSocketAsync(stop.Token);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: true));
            await tls.AuthenticateAsServerAsync(certificate, clientCertificateRequired: false, checkCertificateRevocation: false);
            var buffer = new byte[8192];
            var pending = new StringBuilder();
            while (!stop.IsCancellationRequested)
            {
                var read = await tls.ReadAsync(buffer, stop.Token);
                if (read == 0)
                {
                    return;
                }

                pending.Append(Encoding.ASCII.GetString(buffer, 0, read));
                int end;
                while ((end = pending.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) >= 0)
                {
                    pending.Remove(0, end + 4);
                    Interlocked.Increment(ref requests);
                    await tls.WriteAsync(Reply, stop.Token);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // The client went away or the server is stopping.
        }
    }
}
