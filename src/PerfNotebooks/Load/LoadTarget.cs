using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PerfNotebooks.Load;

/// <summary>
/// Where requests go and the exact bytes of the request, built once so the hot path only copies a
/// pre-built buffer onto the socket.
/// </summary>
internal sealed class LoadTarget
{
    private LoadTarget(Uri url, IPEndPoint endPoint, byte[] request, bool isHead)
    {
        Url = url;
        EndPoint = endPoint;
        Request = request;
        IsHead = isHead;
    }

    public Uri Url { get; }

    public IPEndPoint EndPoint { get; }

    public byte[] Request { get; }

    public bool IsHead { get; }

    /// <summary>TLS is left to HttpClient (<see cref="HttpClientSender"/>); the raw-socket engines speak plain HTTP.</summary>
    public bool IsHttps => Url.Scheme == Uri.UriSchemeHttps;

    /// <summary>A loopback host: a development server, whose self-signed certificate is accepted.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(EndPoint.Address);

    public static LoadTarget Create(string url, string method, IReadOnlyList<string> headers, string? body)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new BadInputException($"URL '{url}' is not an absolute http(s) URL; write it like http://127.0.0.1:5000/path.");
        }

        if (string.IsNullOrWhiteSpace(method) || method.Any(c => !char.IsAsciiLetter(c)))
        {
            throw new BadInputException($"HTTP method '{method}' is not a method name; use GET, POST, PUT, DELETE, HEAD...");
        }

        method = method.ToUpperInvariant();
        var text = new StringBuilder();
        text.Append(method).Append(' ').Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n");
        var hasHost = false;
        var hasUserAgent = false;
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || header.AsSpan(0, colon).ContainsAny(" \t\r\n") || header.Contains('\n', StringComparison.Ordinal))
            {
                throw new BadInputException($"header '{header}' is not 'Name: value'; write it like --header \"Accept: application/json\".");
            }

            var name = header[..colon];
            hasHost |= name.Equals("Host", StringComparison.OrdinalIgnoreCase);
            hasUserAgent |= name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase);
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue; // computed from the body below, so it can never disagree with it
            }

            text.Append(name).Append(": ").Append(header[(colon + 1)..].Trim()).Append("\r\n");
        }

        if (!hasHost)
        {
            text.Append("Host: ").Append(uri.Authority).Append("\r\n");
        }

        if (!hasUserAgent)
        {
            text.Append("User-Agent: perfnb\r\n");
        }

        var bodyBytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        if (bodyBytes.Length > 0 || method is "POST" or "PUT" or "PATCH")
        {
            text.Append("Content-Length: ").Append(bodyBytes.Length).Append("\r\n");
        }

        text.Append("\r\n");
        var head = Encoding.ASCII.GetBytes(text.ToString());
        return new LoadTarget(uri, Resolve(uri), [.. head, .. bodyBytes], method == "HEAD");
    }

    private static IPEndPoint Resolve(Uri uri)
    {
        if (IPAddress.TryParse(uri.DnsSafeHost, out var address))
        {
            return new IPEndPoint(address, uri.Port);
        }

        try
        {
            var addresses = Dns.GetHostAddresses(uri.DnsSafeHost);
            // Prefer IPv4: "localhost" often resolves to ::1 first while test servers bind 127.0.0.1.
            var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return chosen is null
                ? throw new BadInputException($"host '{uri.DnsSafeHost}' in URL '{uri}' has no address; check the host name.")
                : new IPEndPoint(chosen, uri.Port);
        }
        catch (SocketException e)
        {
            throw new BadInputException($"host '{uri.DnsSafeHost}' in URL '{uri}' could not be resolved ({e.SocketErrorCode}); check the host name.", e);
        }
    }
}
