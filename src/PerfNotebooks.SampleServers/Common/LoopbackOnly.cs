using System.Net;

namespace PerfNotebooks.SampleServers.Common;

/// <summary>Admin and debug endpoints (flip the bug, stop the server, record a trace) answer loopback callers only.</summary>
internal static class LoopbackOnly
{
    public static RouteGroupBuilder Guard(this RouteGroupBuilder group, string what) =>
        group.AddEndpointFilter(async (context, next) =>
            Allows(context.HttpContext.Connection.RemoteIpAddress)
                ? await next(context)
                : Results.Json(new ApiError($"{what} endpoints answer loopback callers only"), statusCode: StatusCodes.Status403Forbidden));

    /// <summary>127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6 (::ffff:127.0.0.1), as a dual-stack socket reports it.</summary>
    public static bool Allows(IPAddress? address) =>
        address is not null && (IPAddress.IsLoopback(address) || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4())));
}
