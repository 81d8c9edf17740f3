using System.Net;

namespace PerfNotebooks.Load;

/// <summary>
/// The alternative to <see cref="HttpConnection"/>: a tuned SocketsHttpHandler. Kept so the two can be
/// measured against each other (docs/benchmarks.md); the raw socket is the default because it costs less CPU.
/// </summary>
internal sealed class HttpClientSender : IDisposable
{
    private readonly HttpClient client;
    private readonly LoadTarget target;
    private readonly HttpMethod method;
    private readonly byte[]? body;

    public HttpClientSender(LoadTarget target, LoadOptions options)
    {
        this.target = target;
        method = new HttpMethod(options.Method.ToUpperInvariant());
        body = options.Body is null ? null : System.Text.Encoding.UTF8.GetBytes(options.Body);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Connections,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        if (target.IsHttps && target.IsLoopback)
        {
            // Like wrk, accept the self-signed development certificate of a server on this machine; a remote
            // server's certificate is still verified.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        client = new HttpClient(handler) { Timeout = options.Timeout };
        foreach (var header in options.Headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            client.DefaultRequestHeaders.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        }
    }

    public async ValueTask<int> SendAsync()
    {
        try
        {
            using var request = new HttpRequestMessage(method, target.Url) { Version = HttpVersion.Version11 };
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (TaskCanceledException)
        {
            return Outcome.Timeout;
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError == HttpRequestError.ConnectionError ? Outcome.Connect : Outcome.Read;
        }
    }

    public void Dispose() => client.Dispose();
}
