using System.Globalization;
using PerfNotebooks.Profiling.Formats;

namespace PerfNotebooks.Profiling.Backends;

/// <summary>
/// A Go program's CPU profile from net/http/pprof: GET /debug/pprof/profile?seconds=N blocks for the session and
/// returns a gzipped profile.proto. A base URL ("http://127.0.0.1:6060") or the index ("…/debug/pprof/") is completed.
/// </summary>
internal static class PprofEndpoint
{
    public static Uri ProfileUrl(string url, TimeSpan duration)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new BadInputException($"--pprof '{url}' is not an http URL; pass the pprof endpoint, e.g. http://127.0.0.1:6060/debug/pprof/profile.");
        }

        var seconds = Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var path = uri.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/profile", StringComparison.Ordinal))
        {
            path = (path.EndsWith("/debug/pprof", StringComparison.Ordinal) ? path : path + "/debug/pprof") + "/profile";
        }

        var query = uri.Query.TrimStart('?');
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Where(q => !q.StartsWith("seconds=", StringComparison.Ordinal));
        return new UriBuilder(uri) { Path = path, Query = string.Join('&', kept.Append("seconds=" + seconds)) }.Uri;
    }

    public static async Task<StackRecording> Record(string url, TimeSpan duration, CancellationToken ct)
    {
        var profileUrl = ProfileUrl(url, duration);
        using var http = new HttpClient { Timeout = duration + TimeSpan.FromSeconds(30) };
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(profileUrl, ct);
        }
        catch (HttpRequestException e)
        {
            throw new BadInputException($"cannot reach the pprof endpoint {profileUrl} ({e.Message}); is the program running with net/http/pprof on that address?", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                var text = System.Text.Encoding.UTF8.GetString(body).Split('\n')[0];
                throw new BadInputException($"the pprof endpoint {profileUrl} answered {(int)response.StatusCode}: {text}");
            }

            return PprofFormat.Read(body, profileUrl.ToString());
        }
    }

    /// <summary>The process's own net/http/pprof endpoint, when one of its loopback ports serves /debug/pprof/.</summary>
    public static async Task<string?> Discover(int pid, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var port in ListeningPorts.Of(pid))
        {
            var index = $"http://127.0.0.1:{port}/debug/pprof/";
            try
            {
                using var response = await http.GetAsync(new Uri(index), ct);
                if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(ct)).Contains("profile", StringComparison.Ordinal))
                {
                    return index;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not an HTTP port, or not this one.
            }
        }

        return null;
    }
}
